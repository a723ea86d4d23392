using System.Security.Claims;
using System.Text.Encodings.Web;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;

namespace Registry.Web.Infrastructure;

/// <summary>
/// Employers' systems authenticate with an API key in the <c>X-Api-Key</c> header. A live key of an approved
/// employer becomes an Employer principal of that organisation; a wrong or revoked key is answered 401 with
/// problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyIdClaim = "registry:api-key";

    public static bool Presents(HttpRequest request) => request.Headers.ContainsKey(Header);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        var caller = await mediator.Send(new IdentifyApiKey.Query(values.ToString().Trim()), Context.RequestAborted);
        if (caller is null) return AuthenticateResult.Fail("The API key is not valid, or has been revoked.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"{caller.EmployerName} (API key '{caller.KeyName}')"),
            new Claim(ClaimTypes.Role, Roles.Employer),
            new Claim(RegistryClaims.Employer, caller.EmployerId.ToString()),
            new Claim(KeyIdClaim, caller.KeyId.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = Presents(Request);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = presented ? "The API key is not valid." : "An API key is required.",
                Detail = presented
                    ? "The key sent in X-Api-Key is wrong or has been revoked. Make a new key on the registry's API keys page."
                    : "Send your organisation's API key in the X-Api-Key header.",
            },
        });
    }
}
