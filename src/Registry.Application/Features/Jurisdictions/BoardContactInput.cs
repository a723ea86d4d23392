using FluentValidation;
using Registry.Application.Common.Validation;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>The board's contact details as a form or the API sends them; every part is optional.</summary>
public sealed record BoardContactInput
{
    public string? BoardName { get; init; }
    public string? MailingAddress { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? WebAddress { get; init; }

    public BoardContact ToContact() => new(BoardName, MailingAddress, Email, Phone, WebAddress);

    public static BoardContactInput From(BoardContact contact) => new()
    {
        BoardName = contact.BoardName, MailingAddress = contact.MailingAddress, Email = contact.Email, Phone = contact.Phone, WebAddress = contact.WebAddress,
    };

    public sealed class Validator : AbstractValidator<BoardContactInput>
    {
        public Validator()
        {
            RuleFor(c => c.BoardName).MaximumLength(200).ReadableText();
            RuleFor(c => c.MailingAddress).MaximumLength(300).ReadableText();
            RuleFor(c => c.Email).MaximumLength(256).EmailAddress().WithMessage("Enter an e-mail address like board@example.gov.");
            RuleFor(c => c.Phone).MaximumLength(32).Matches(@"^[0-9()+.\- ]*( ?(ext\.?|x) ?[0-9]+)?$").WithMessage("Enter a phone number like 615-555-0142.");
            RuleFor(c => c.WebAddress).MaximumLength(300)
                .Must(a => string.IsNullOrWhiteSpace(a) || Uri.TryCreate(a.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
                .WithMessage("Enter the web address in full, starting https://, like https://board.example.gov.");
        }
    }
}
