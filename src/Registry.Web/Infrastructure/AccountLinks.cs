using Registry.Application.Common.Interfaces;

namespace Registry.Web.Infrastructure;

/// <summary>The account pages' addresses, for the account e-mails.</summary>
public sealed class AccountLinks(EmailLinks links) : IAccountLinks
{
    public string ConfirmEmail(Guid userId, string code) => links.To("/Account/ConfirmEmail", new { userId, code });

    public string ResetPassword(string email, string code) => links.To("/Account/ResetPassword", new { email, code });

    public string ClaimRecord(string token) => links.To("/Account/Claim", new { token });
}
