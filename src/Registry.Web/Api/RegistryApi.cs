using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Registry.Infrastructure.Identity;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>/api/v1: each resource's routes live in its own file; each endpoint binds its input, sends one request, and returns the result.</summary>
public static class RegistryApi
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        // Any operation may fail on our side (500), or meet the database unreachable (503, with Retry-After); the caller
        // gets problem details with a traceId to quote.
        var api = app.MapGroup("/api/v1").ProducesValidationProblem().ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithIdempotencyKeys();

        api.MapPost("/auth/token", IssueTokenAsync)
            .WithName("IssueToken")
            .WithTags("Authentication")
            .WithSummary("Exchange an e-mail and password for a bearer token (one hour). There is no refresh token: sign in again when it ends.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .AuditsUnknownAccounts<TokenRequest>(request => request.Email)
            .AllowAnonymous();

        // The order is the order of the tags in the OpenAPI document.
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

    /// <summary>
    /// A bearer token (Identity's, one hour) and no refresh token: a machine holding a password signs in again
    /// when the hour ends, so a stolen token lives at most an hour and there is no long-lived secret to rotate.
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(TokenRequest request, SignInManager<RegistryUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(request.Email) ? "email" : "password"] = ["Enter your e-mail address and password."],
            }, title: "Some fields need your attention.");
        var user = await signIn.UserManager.FindByEmailAsync(request.Email);
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var options = bearerOptions.Get(IdentityConstants.BearerScheme);
            var principal = await signIn.CreateUserPrincipalAsync(user!);
            var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + options.BearerTokenExpiration },
                IdentityConstants.BearerScheme);
            return TypedResults.Ok(new TokenResponse("Bearer", options.BearerTokenProtector.Protect(ticket), (long)options.BearerTokenExpiration.TotalSeconds));
        }
        var detail = result.IsLockedOut
            ? "This account is locked after repeated failed sign-ins. Try again later or reset your password."
            : result.IsNotAllowed && await Pages.Account.Accounts.NeedsConfirmationAsync(signIn.UserManager, request.Email, request.Password)
                ? Pages.Account.Accounts.ConfirmFirst
                : "The e-mail or password is not right.";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
    }

    public sealed record TokenRequest(string Email, string Password);

    /// <summary>Send as "Authorization: Bearer {accessToken}" until expiresIn seconds have passed.</summary>
    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn);
}
