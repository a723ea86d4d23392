using FluentValidation;

namespace Registry.Application.Common.Validation;

/// <summary>The rule every name and other text shown on records follows (see <see cref="Domain.Common.ReadableText"/>).</summary>
public static class TextRules
{
    /// <summary>For a <c>string</c> or <c>string?</c> property; an absent value is left to the other rules.</summary>
    public static IRuleBuilderOptions<T, TText> ReadableText<T, TText>(this IRuleBuilder<T, TText> rule) where TText : class? =>
        rule.Must(text => text is not string value || Domain.Common.ReadableText.IsReadable(value)).WithMessage(Domain.Common.ReadableText.Unreadable);
}
