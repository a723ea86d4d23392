namespace Registry.Application.Common.Interfaces;

/// <summary>Absolute links to the account pages, for the e-mails that carry them.</summary>
public interface IAccountLinks
{
    string ConfirmEmail(Guid userId, string code);

    string ResetPassword(string email, string code);

    /// <summary>The page where a holder invited to claim their record chooses a password.</summary>
    string ClaimRecord(string token);
}
