using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Registry.Web.Infrastructure;

/// <summary>
/// What a form says when a value cannot be read as its field's type: "Enter a date", "Enter a whole number", never
/// the framework's "The value '' is invalid."
/// </summary>
public sealed class PlainBindingMessages : IBindingMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.BindingMetadata.ModelBindingMessageProvider is not DefaultModelBindingMessageProvider framework) return;
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        var (empty, wrong) = Expected(type);
        var messages = new DefaultModelBindingMessageProvider(framework);
        messages.SetValueMustNotBeNullAccessor(_ => empty);
        messages.SetMissingBindRequiredValueAccessor(_ => empty);
        messages.SetMissingKeyOrValueAccessor(() => empty);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "The form could not be read. Please try again.");
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => wrong);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => wrong);
        messages.SetUnknownValueIsInvalidAccessor(_ => wrong);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => wrong);
        messages.SetValueIsInvalidAccessor(_ => wrong);
        messages.SetValueMustBeANumberAccessor(_ => "Enter a number.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number.");
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }

    /// <summary>The words for a missing value and for one that is not of the type.</summary>
    private static (string Empty, string Wrong) Expected(Type type) => type switch
    {
        _ when type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) => ("Enter a date.", "Enter a real date, for example June 15, 2027."),
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => ("Enter a whole number.", "Enter a whole number, for example 12."),
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => ("Enter a number.", "Enter a number, for example 7.5."),
        _ when type == typeof(bool) => ("Choose yes or no.", "Choose yes or no."),
        _ when type == typeof(Guid) || type.IsEnum => ("Choose one of the options.", "Choose one of the options."),
        _ => ("Enter a value.", "Enter a value in the form asked for."),
    };
}
