using System.ComponentModel.DataAnnotations;

namespace Registry.Web.Pages.Account;

/// <summary>What a new applicant gives to open an account (the page also asks for the password twice).</summary>
public class Registration
{
    [Required(ErrorMessage = "Enter your legal first name.")]
    [StringLength(100, ErrorMessage = "Your legal first name can be up to 100 characters.")]
    public string LegalFirstName { get; set; } = "";

    [Required(ErrorMessage = "Enter your legal last name.")]
    [StringLength(100, ErrorMessage = "Your legal last name can be up to 100 characters.")]
    public string LegalLastName { get; set; } = "";

    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(256)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}

/// <summary>A new password chosen through the link in a reset e-mail.</summary>
public class PasswordReset
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "This reset link is not complete. Ask for a new one.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(256)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}

/// <summary>An e-mail address, for a new confirmation link or a password reset link.</summary>
public sealed class EmailRequest
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
    [StringLength(256)]
    public string Email { get; set; } = "";
}

/// <summary>The two parts of an e-mail confirmation link.</summary>
public sealed record EmailConfirmation(string? UserId, string? Code);

/// <summary>What an employer gives to register its organisation and its first user.</summary>
public class EmployerRegistration
{
    [Required(ErrorMessage = "Enter your organisation's name.")]
    [StringLength(200, ErrorMessage = "The name can be up to 200 characters.")]
    public string OrganisationName { get; set; } = "";

    [Required(ErrorMessage = "Choose the state your organisation works in.")]
    public string StateCode { get; set; } = "";

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200)]
    public string ContactName { get; set; } = "";

    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(256)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter your password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
