using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Api;

/// <summary>/api/v1: each resource's routes live in its own file; each endpoint binds its input, sends one request, and returns the result.</summary>
public static class RegistryApi
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Registry").ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/auth/token", IssueTokenAsync)
            .WithSummary("Exchange an e-mail and password for a bearer token (one hour).")
            .AllowAnonymous();

        // The order is part of the contract: the OpenAPI document names a schema after the first type of that
        // name it meets (many requests are called Command), and lists tags in the order it meets them.
        api.MapJurisdictionsApi();
        api.MapApplicationsApi();
        api.MapAccountApi();
        api.MapConfirmationsApi();
        api.MapDocumentsApi();
        api.MapReviewApi();
        api.MapExamsApi();
        api.MapAuditApi();
        api.MapCredentialsApi();
        api.MapProgramsApi();
        api.MapMeApi();
        api.MapVerificationApi();
        api.MapExportsApi();
        api.MapWorkforceApi();
        api.MapEmployersApi();
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
}
