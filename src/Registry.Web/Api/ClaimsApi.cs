using MediatR;
using Registry.Application.Features.Claims;
using Registry.Application.Features.Renewals;

namespace Registry.Web.Api;

/// <summary>
/// /api/v1/claims/{state} and two credential actions: state staff's side of holders claiming the records the registry
/// holds for them without an account (invitations, the date-of-birth rule, one-time codes) and paper renewals.
/// </summary>
public static class ClaimsApi
{
    public static void MapClaimsApi(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup("/claims/{state}").WithTags("Claims").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        claims.MapGet("/", async (string state, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetClaimsOverview.Query { StateCode = state }, ct)))
            .WithName("GetClaimsOverview")
            .WithSummary("State staff: how many holders have no account, how many have no e-mail, how many a send would invite, and the state's claim rule.");
        claims.MapPost("/invitations", async (string state, InvitationsBody? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new InviteHolders.Command { StateCode = state, PersonIds = body?.PersonIds }, ct)))
            .WithName("InviteHoldersToClaim")
            .WithSummary("StateAdmin: invite the state's holders without an account (or only the people named) to claim their records, by e-mail at bulk priority; " +
                "at most Claims:InvitationsPerSend a send, and no one who has an invitation still valid.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        claims.MapPut("/rules", async (string state, RulesBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SetClaimRules.Command { StateCode = state, RequireDateOfBirth = body.RequireDateOfBirth }, ct);
                return TypedResults.NoContent();
            })
            .WithName("SetClaimRules")
            .WithSummary("StateAdmin: whether a holder claiming their record must also give the date of birth on it.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var credential = api.MapGroup("/credentials/{id:guid}").WithTags("Claims").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        credential.MapPost("/claim-code", async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new CreateClaimCode.Command(id), ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(issued);
            })
            .WithName("CreateClaimCode")
            .WithSummary("State staff: a one-time code for a holder without an account to claim their record (answered once, never kept; replaces an earlier code).");
        credential.MapPost("/paper-renewal", async (Guid id, PaperRenewalBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordPaperRenewal.Command { CredentialId = id, Reference = body.Reference }, ct)))
            .WithName("RecordPaperRenewal")
            .WithTags("Renewals")
            .WithSummary("State staff: record a renewal received on paper for a holder without an account, under the program's renewal rules; refused when the holder has an account.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    public sealed record InvitationsBody(IReadOnlyList<Guid>? PersonIds = null);

    public sealed record RulesBody(bool RequireDateOfBirth);

    public sealed record PaperRenewalBody(string Reference);
}
