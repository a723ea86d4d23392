using MediatR;
using Registry.Application.Features.Records;

namespace Registry.Web.Api;

/// <summary>/api/v1/confirmations: the public links supervisors and referees use to confirm an applicant's records.</summary>
public static class ConfirmationsApi
{
    public static void MapConfirmationsApi(this RouteGroupBuilder api)
    {
        var confirmations = api.MapGroup("/confirmations").WithTags("Confirmations").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status409Conflict);
        confirmations.MapGet("/{token}", (string token, IMediator mediator, CancellationToken ct) => mediator.Send(new GetConfirmation.Query(token), ct))
            .WithName("GetConfirmation")
            .WithSummary("Public: what a confirmation link asks its holder to confirm (refused when used, expired or altered).");
        confirmations.MapPost("/{token}", (string token, ConfirmRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ConfirmRecords.Command { Token = token, Statement = body?.Statement }, ct))
            .WithName("ConfirmRecords")
            .WithSummary("Public: confirm what the link names; a link works once.");
    }

    public sealed record ConfirmRequest(string? Statement = null);
}
