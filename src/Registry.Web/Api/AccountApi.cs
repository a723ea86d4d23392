using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Features.Accounts;
using Registry.Application.Features.Profiles;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>/api/v1/account (sign-up, confirmation, password reset) and /api/v1/profile, for machines and apps.</summary>
public static class AccountApi
{
    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        // Refusals are validation problems (400) raised by the commands' validators and Identity.
        var account = api.MapGroup("/account").WithTags("Account").AllowAnonymous().ProducesValidationProblem();

        account.MapPost("/register", (RegisterAccount.Command command, IMediator mediator, CancellationToken ct) =>
                SendAsync(mediator, command, RegisterAccount.Answer, ct))
            .LimitedPerAddress(AddressRateLimits.Registration)
            .WithName("RegisterAccount")
            .WithSummary("Register as an applicant; a confirmation link is e-mailed. Sign-in waits for the confirmation. The answer is the same whether or not the address already has an account (its holder is told by e-mail).");

        account.MapPost("/confirm-email", (ConfirmEmail.Command command, IMediator mediator, CancellationToken ct) =>
                SendAsync(mediator, command, "Your e-mail address is confirmed. You can sign in now.", ct))
            .WithName("ConfirmEmail")
            .WithSummary("Confirm an e-mail address with the userId and code from the confirmation link.");

        account.MapPost("/resend-confirmation", (ResendConfirmation.Command command, IMediator mediator, CancellationToken ct) =>
                SendAsync(mediator, command, ResendConfirmation.Answer, ct))
            .LimitedPerAddress(AddressRateLimits.AccountMail)
            .WithName("ResendConfirmation")
            .WithSummary("Send a new confirmation link. The answer is the same whether or not the account exists.");

        account.MapPost("/forgot-password", (RequestPasswordReset.Command command, IMediator mediator, CancellationToken ct) =>
                SendAsync(mediator, command, RequestPasswordReset.Answer, ct))
            .LimitedPerAddress(AddressRateLimits.AccountMail)
            .WithName("RequestPasswordReset")
            .WithSummary("E-mail a password reset link. The answer is the same whether or not the account exists.");

        account.MapPost("/reset-password", (ResetPassword.Command command, IMediator mediator, CancellationToken ct) =>
                SendAsync(mediator, command, "Your password has been changed. Sign in with the new one.", ct))
            .WithName("ResetPassword")
            .WithSummary("Choose a new password with the e-mail and code from the reset link.");

        var profile = api.MapGroup("/profile").WithTags("Profile")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        profile.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetProfile.Query(), ct))
            .WithName("GetProfile")
            .WithSummary("The signed-in applicant's profile, private details included.");
        profile.MapPut("/", (UpdateProfile.Command command, IMediator mediator, CancellationToken ct) => mediator.Send(command, ct))
            .WithName("UpdateProfile")
            .WithSummary("Change the signed-in applicant's names, contact details, date of birth and mailing address.");
        profile.MapPut("/npi", (RecordNpi.Command command, IMediator mediator, CancellationToken ct) => mediator.Send(command, ct))
            .WithName("RecordNpi")
            .WithSummary("Record (or clear, with no NPI) the signed-in holder's National Provider Identifier and whether it carries the peer specialist taxonomy 175T00000X; both appear on the verification answer.");
    }

    public sealed record AccountMessage(string Message);

    private static async Task<Ok<AccountMessage>> SendAsync(IMediator mediator, IRequest<Unit> command, string answer, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.Ok(new AccountMessage(answer));
    }
}
