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
            .WithSummary("Exchange an e-mail and password for a bearer token (15 minutes). There is no refresh token: sign in again when it ends. "
                + "Disabling the account, resetting its password or signing out ends its tokens at once (401).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .LimitedPerAddress(AddressRateLimits.SignIn)
            .AuditsUnknownAccounts<TokenRequest>(request => request.Email)
            .AllowAnonymous();

        // The order is the order of the tags in the OpenAPI document.
        api.MapJurisdictionsApi();
        api.MapCountiesApi();
        api.MapApplicationsApi();
        api.MapAccountApi();
        api.MapConfirmationsApi();
        api.MapDocumentsApi();
        api.MapReviewApi();
        api.MapExamsApi();
        api.MapAuditApi();
        api.MapCredentialsApi();
        api.MapClaimsApi();
        api.MapProgramsApi();
        api.MapMeApi();
        api.MapVerificationApi();
        api.MapExportsApi();
        api.MapWorkforceApi();
        api.MapEmployersApi();
        api.MapRegisterImportsApi();
        api.MapFeesApi();
        api.MapFeeOfficeApi();
        api.MapFeeHelpApi();
        api.MapPaymentsApi();
        api.MapCertificateOrdersApi();
        api.MapLettersApi();
    }

    /// <summary>
    /// A bearer token (Identity's, <c>Identity:BearerTokenMinutes</c>, 15) and no refresh token: a machine holding a
    /// password signs in again when it ends, so a stolen token lives minutes and there is no long-lived secret to
    /// rotate. Each request with it is checked against the account's security stamp (<see cref="SignInSessions"/>).
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(TokenRequest request, SignInManager<RegistryUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(request.Email) ? "email" : "password"] = ["Enter your e-mail address and password."],
            }, title: "Some fields need your attention.");
        // One answer, after the same work, for every refusal: the caller cannot tell whether the account exists.
        var user = await Pages.Account.Accounts.CheckPasswordAsync(signIn, request.Email, request.Password);
        if (user is not null)
        {
            var options = bearerOptions.Get(IdentityConstants.BearerScheme);
            var principal = await signIn.CreateUserPrincipalAsync(user);
            var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + options.BearerTokenExpiration },
                IdentityConstants.BearerScheme);
            return TypedResults.Ok(new TokenResponse("Bearer", options.BearerTokenProtector.Protect(ticket), (long)options.BearerTokenExpiration.TotalSeconds));
        }
        return TypedResults.Problem(Pages.Account.Accounts.SignInRefused, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
    }

    public sealed record TokenRequest(string Email, string Password);

    /// <summary>Send as "Authorization: Bearer {accessToken}" until expiresIn seconds have passed.</summary>
    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn);
}
