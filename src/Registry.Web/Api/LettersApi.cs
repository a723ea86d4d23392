using MediatR;
using Registry.Application.Features.Letters;

namespace Registry.Web.Api;

/// <summary>/api/v1/letters: the decision letters a person was sent, as kept when each decision was made.</summary>
public static class LettersApi
{
    public static void MapLettersApi(this RouteGroupBuilder api)
    {
        var letters = api.MapGroup("/").WithTags("Letters")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        letters.MapGet("/letters/{letterId:guid}", async (Guid letterId, IMediator mediator, CancellationToken ct) =>
            {
                var letter = await mediator.Send(new DownloadDecisionLetter.Query(letterId), ct);
                return TypedResults.File(letter.Pdf, "application/pdf", letter.FileName);
            })
            .WithName("DownloadDecisionLetter")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithSummary("A decision letter (PDF) exactly as it was sent: the person it is addressed to, or staff of the state whose board wrote it.");
        letters.MapGet("/applications/{id:guid}/letters", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListApplicationLetters.Query(id), ct))
            .WithName("ListApplicationLetters")
            .WithSummary("The letters sent about an application (approval, denial, requests for information), oldest first.");
        letters.MapGet("/credentials/{id:guid}/letters", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListCredentialLetters.Query(id), ct))
            .WithName("ListCredentialLetters")
            .WithSummary("The letters of the discipline cases about a credential (notices and decisions), oldest first.");
    }
}
