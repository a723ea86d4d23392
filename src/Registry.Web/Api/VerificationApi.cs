using MediatR;
using QRCoder;
using Registry.Application.Common.Paging;
using Registry.Application.Features.Verification;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>
/// Public verification: one credential by number, a search by last name and state, and (with an employer
/// API key) up to 1,000 numbers at once. Rate-limited per client address, or per API key with a higher limit.
/// </summary>
public static class VerificationApi
{
    /// <summary>Anyone, unless an API key is presented: then it must be a live key (a wrong one is 401, not anonymous).</summary>
    public const string CallerPolicy = "VerificationCaller";

    /// <summary>An employer's live API key in X-Api-Key.</summary>
    public const string ApiKeyPolicy = "EmployerApiKey";

    public static void MapVerificationApi(this IEndpointRouteBuilder api)
    {
        var verifications = api.MapGroup("/verifications")
            .WithTags("Verification")
            .RequireRateLimiting(VerificationRateLimits.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        verifications.MapGet("/{credentialNumber}", (string credentialNumber, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new VerifyCredential.Query(credentialNumber), ct))
            .WithName("VerifyCredential")
            .WithSummary("The public record of one credential: holder's name, program, state, status, dates, public disciplinary actions, last update.")
            .WithDescription("Anonymous callers are limited per address; callers with an employer API key (X-Api-Key) have a higher limit. " +
                "The answer carries an ETag that changes whenever the public record does; send it back in If-None-Match for a 304 while nothing has changed.")
            .RequireAuthorization(CallerPolicy)
            .WithEntityTag<PublicCredential>(credential => credential.EntityTag, context =>
                context.HttpContext.RequestServices.GetRequiredService<IMediator>().Send(new RevalidateCredential.Query(context.GetArgument<string>(0)), context.HttpContext.RequestAborted))
            .ProducesProblem(StatusCodes.Status404NotFound);

        verifications.MapGet("/", async (string? lastName, string? state, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchCredentials.Query(lastName, state) { Cursor = cursor, Limit = limit ?? Cursor.DefaultLimit }, ct)))
            .WithName("SearchCredentials")
            .WithSummary($"Credentials whose holder's last name begins with lastName, in a state, by name, a page at a time (limit {Cursor.DefaultLimit}, at most {Cursor.MaximumLimit}; next is the cursor of the page after).")
            .RequireAuthorization(CallerPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        verifications.MapPost("/bulk", (string?[] credentialNumbers, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new VerifyCredentials.Query(credentialNumbers), ct))
            .WithName("VerifyCredentialsInBulk")
            .WithSummary($"Employer API key only: a JSON array of up to {VerifyCredentials.MaximumNumbers:N0} credential numbers; one result per number, in order, found or not.")
            .RequireAuthorization(ApiKeyPolicy);
    }

    /// <summary>The QR code on the printable record: a PNG (QRCoder's PngByteQRCode, no System.Drawing) of the live record's address.</summary>
    public static void MapVerificationQrCode(this IEndpointRouteBuilder app) =>
        app.MapGet("/Verify/{credentialNumber}/qr.png", async (string credentialNumber, IMediator mediator, EmailLinks links, CancellationToken ct) =>
            {
                var credential = await mediator.Send(new VerifyCredential.Query(credentialNumber), ct);
                var address = links.To("/Verify/Credential", new { number = credential.CredentialNumber });
                using var generator = new QRCodeGenerator();
                using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
                var png = new PngByteQRCode(data).GetGraphic(8);
                return Results.File(png, "image/png");
            })
            .ExcludeFromDescription()
            .RequireRateLimiting(VerificationRateLimits.Policy);
}
