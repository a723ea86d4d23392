using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Jurisdictions;
using Registry.Domain.Applications;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Api;

/// <summary>/api/v1: each endpoint binds its input, sends one request, and returns the result.</summary>
public static class RegistryApi
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Registry").ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/auth/token", IssueTokenAsync)
            .WithSummary("Exchange an e-mail and password for a bearer token (one hour).")
            .AllowAnonymous();

        api.MapGet("/jurisdictions", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListJurisdictions.Query(), ct))
            .WithTags("Verification")
            .WithName("ListJurisdictions")
            .WithSummary("Public: the states and their credential programs (code and name).")
            .AllowAnonymous();

        var applications = api.MapGroup("/applications")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapAccountApi();
        api.MapRecordsApi();
        api.MapJourneyApi();
        api.MapReviewApi();
        api.MapExamsApi();
        api.MapAuditApi();
        api.MapDisciplineApi();
        api.MapProgramsApi();
        api.MapRenewalsApi();
        api.MapVerificationApi();
        api.MapWorkforceApi();

        applications.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMyApplications.Query(), ct))
            .WithSummary("The signed-in applicant's applications.");
        applications.MapPost("/", async Task<Created<StartApplication.Started>> (StartApplication.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var started = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/applications/{started.ApplicationId}", started);
            })
            .WithSummary("Start a draft application for a program.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetApplication.Query(id), ct))
            .WithSummary("One application and its history.");
        applications.MapPost("/{id:guid}/submit", async (Guid id, SubmitRequest? body, IMediator mediator, CancellationToken ct) =>
                new StatusResponse(await mediator.Send(new SubmitApplication.Command(id, body?.Answer), ct)))
            .WithSummary("Submit a draft, or resubmit with the answer to a request for information; refused with what is missing while the checklist has an unmet line.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawRequest? body, IMediator mediator, CancellationToken ct) =>
                new StatusResponse(await mediator.Send(new WithdrawApplication.Command(id, body?.Reason), ct)))
            .WithSummary("Withdraw an open application.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapPost("/{id:guid}/review", async (Guid id, IMediator mediator, CancellationToken ct) => new StatusResponse(await mediator.Send(new BeginReview.Command(id), ct)))
            .WithSummary("State staff: take a submitted application into review.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueTokenAsync(TokenRequest request, SignInManager<RegistryUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the token
        var detail = result.IsLockedOut
            ? "This account is locked after repeated failed sign-ins. Try again later or reset your password."
            : result.IsNotAllowed && await Pages.Account.Accounts.NeedsConfirmationAsync(signIn.UserManager, request.Email ?? "", request.Password ?? "")
                ? Pages.Account.Accounts.ConfirmFirst
                : "The e-mail or password is not right.";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
    }

    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record WithdrawRequest(string? Reason);

    public sealed record SubmitRequest(string? Answer);

    public sealed record StatusResponse(ApplicationStatus Status);
}
