using MediatR;
using Registry.Application.Features.Accounts;
using Registry.Application.Features.Jurisdictions;

namespace Registry.Web.Api;

/// <summary>/api/v1/jurisdictions: the states and their programs, for anyone; adding and changing a state, for its administrators.</summary>
public static class JurisdictionsApi
{
    public static void MapJurisdictionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/jurisdictions", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListJurisdictions.Query(), ct))
            .WithTags("Jurisdictions")
            .WithName("ListJurisdictions")
            .WithSummary("Public: the states and their credential programs (code and name).")
            .AllowAnonymous();

        var states = api.MapGroup("/jurisdictions").WithTags("Jurisdictions").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        states.MapPost("/", async (AddJurisdiction.Command command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/jurisdictions/{await mediator.Send(command, ct)}", await mediator.Send(new GetJurisdiction.Query(command.Code.Trim().ToUpperInvariant()), ct)))
            .WithName("AddJurisdiction")
            .WithSummary("SystemAdmin: add a state (code, name, IANA time zone, the board's contact details). A code already in the registry is refused.")
            .ProducesValidationProblem();
        var state = states.MapGroup("/{code}").ProducesProblem(StatusCodes.Status404NotFound);
        state.MapGet("/", (string code, IMediator mediator, CancellationToken ct) => mediator.Send(new GetJurisdiction.Query(code), ct))
            .WithName("GetJurisdiction")
            .WithSummary("SystemAdmin, or the state's StateAdmin: its time zone, its board's contact details and its administrators.");
        state.MapPut("/", async (string code, JurisdictionChange change, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeJurisdiction.Command { StateCode = code, Name = change.Name, TimeZone = change.TimeZone, Contact = change.Contact }, ct);
                return await mediator.Send(new GetJurisdiction.Query(code), ct);
            })
            .WithName("ChangeJurisdiction")
            .WithSummary("SystemAdmin: change a state's name, time zone (only while it has no credentials) and board contact.")
            .ProducesValidationProblem();
        state.MapPut("/contact", async (string code, BoardContactInput contact, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeBoardContact.Command { StateCode = code, Contact = contact }, ct);
                return await mediator.Send(new GetJurisdiction.Query(code), ct);
            })
            .WithName("ChangeBoardContact")
            .WithSummary("SystemAdmin, or the state's StateAdmin: change how applicants and holders reach the state's board.")
            .ProducesValidationProblem();
        state.MapPost("/administrators", async (string code, AdministratorInvitation invitation, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new InviteStateAdmin.Command { StateCode = code, DisplayName = invitation.DisplayName, Email = invitation.Email }, ct);
                return TypedResults.NoContent();
            })
            .WithName("InviteStateAdmin")
            .WithSummary("SystemAdmin: invite an administrator of the state; the e-mail carries a link to choose a password.")
            .ProducesValidationProblem();
    }

    public sealed record JurisdictionChange(string Name, string TimeZone, BoardContactInput Contact);

    public sealed record AdministratorInvitation(string DisplayName, string Email);
}
