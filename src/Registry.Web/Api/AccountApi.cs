using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Features.Profiles;
using Registry.Web.Pages.Account;

namespace Registry.Web.Api;

/// <summary>/api/v1/account (sign-up, confirmation, password reset) and /api/v1/profile, for machines and apps.</summary>
public static class AccountApi
{
    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").AllowAnonymous();

        account.MapPost("/register", async Task<Results<Ok<AccountMessage>, ValidationProblem>> (Registration input, Accounts accounts, CancellationToken ct) =>
                await accounts.RegisterAsync(input, ct) is { Count: > 0 } errors
                    ? Invalid(errors)
                    : TypedResults.Ok(new AccountMessage("Your account has been created. Open the link we sent to your e-mail address to confirm it, then sign in.")))
            .WithSummary("Register as an applicant; a confirmation link is e-mailed. Sign-in waits for the confirmation.");

        account.MapPost("/confirm-email", async Task<Results<Ok<AccountMessage>, ValidationProblem>> (EmailConfirmation input, Accounts accounts) =>
                await accounts.ConfirmEmailAsync(input.UserId, input.Code)
                    ? TypedResults.Ok(new AccountMessage("Your e-mail address is confirmed. You can sign in now."))
                    : Invalid(new() { ["Code"] = ["This confirmation link is not valid or has expired. Ask for a new one."] }))
            .WithSummary("Confirm an e-mail address with the userId and code from the confirmation link.");

        account.MapPost("/resend-confirmation", async Task<Results<Ok<AccountMessage>, ValidationProblem>> (EmailRequest input, Accounts accounts, CancellationToken ct) =>
            {
                if (EmailProblem(input.Email) is { } problem) return problem;
                await accounts.ResendConfirmationAsync(input.Email!, ct);
                return TypedResults.Ok(new AccountMessage(ResendAnswer));
            })
            .WithSummary("Send a new confirmation link. The answer is the same whether or not the account exists.");

        account.MapPost("/forgot-password", async Task<Results<Ok<AccountMessage>, ValidationProblem>> (EmailRequest input, Accounts accounts, CancellationToken ct) =>
            {
                if (EmailProblem(input.Email) is { } problem) return problem;
                await accounts.RequestPasswordResetAsync(input.Email!, ct);
                return TypedResults.Ok(new AccountMessage(ForgotAnswer));
            })
            .WithSummary("E-mail a password reset link. The answer is the same whether or not the account exists.");

        account.MapPost("/reset-password", async Task<Results<Ok<AccountMessage>, ValidationProblem>> (PasswordReset input, Accounts accounts) =>
                await accounts.ResetPasswordAsync(input) is { Count: > 0 } errors
                    ? Invalid(errors)
                    : TypedResults.Ok(new AccountMessage("Your password has been changed. Sign in with the new one.")))
            .WithSummary("Choose a new password with the e-mail and code from the reset link.");

        var profile = api.MapGroup("/profile")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        profile.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetProfile.Query(), ct))
            .WithSummary("The signed-in applicant's profile, private details included.");
        profile.MapPut("/", (UpdateProfile.Command command, IMediator mediator, CancellationToken ct) => mediator.Send(command, ct))
            .WithSummary("Change the signed-in applicant's names, contact details, date of birth and mailing address.");
    }

    public const string ResendAnswer = "If an account with that e-mail address is waiting for confirmation, we have sent it a new link.";
    public const string ForgotAnswer = "If an account uses that e-mail address, we have sent it a link to reset the password. The link works for one day.";

    public sealed record AccountMessage(string Message);

    /// <summary>A missing or impossible address is the caller's mistake, said as such; whether an account has it stays unsaid.</summary>
    private static ValidationProblem? EmailProblem(string? email) =>
        string.IsNullOrWhiteSpace(email) || email.Length > 256 || !email.Contains('@')
            ? Invalid(new() { ["Email"] = ["Enter the e-mail address of the account (at most 256 characters)."] })
            : null;

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Some fields need your attention.");
}
