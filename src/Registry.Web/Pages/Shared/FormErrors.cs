using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Registry.Web.Pages.Shared;

/// <summary>
/// Inline errors the way USWDS shows them, for every form without editing each field: a field whose name has
/// errors in ModelState gets <c>usa-input--error</c>, <c>aria-invalid</c> and <c>aria-describedby</c> pointing at its
/// message, its <c>usa-form-group</c> gets <c>usa-form-group--error</c>, and the error summary links to the field's
/// real id. A ModelState key matches a field named the same in any case, a field whose name ends with
/// <c>.</c> and the key (a request's property bound from <c>Input.Property</c>), or a field whose id is the key.
/// A message a page writes itself (<c>span.usa-error-message</c> with an id) is used, never repeated.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _fieldIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _messageIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _messagesOnPage = new(StringComparer.Ordinal);

    /// <summary>The request's record of which element shows which key's field and message.</summary>
    public static FormErrors Of(ViewContext view)
    {
        var items = view.HttpContext.Items;
        if (items[typeof(FormErrors)] is not FormErrors errors) items[typeof(FormErrors)] = errors = new FormErrors();
        return errors;
    }

    /// <summary>The ModelState key with errors that a field of this name (and id) shows, if any.</summary>
    public static string? KeyFor(ModelStateDictionary modelState, string name, string id = "")
    {
        string? found = null;
        foreach (var (key, entry) in modelState)
        {
            if (entry.Errors.Count == 0 || key.Length == 0) continue;
            if (key == name) return key;
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) || IsPrefixed(name, key)
                || string.Equals(key, id, StringComparison.OrdinalIgnoreCase)) found ??= key;
        }
        return found;
    }

    // "Input.Code" answers to the key "Code"; an item of a list ("Endorsements[0].Code") does not: it is another field.
    private static bool IsPrefixed(string name, string key) =>
        name.EndsWith("." + key, StringComparison.OrdinalIgnoreCase) && !name.AsSpan(0, name.Length - key.Length - 1).Contains('[');

    public static string Messages(ModelStateDictionary modelState, string key) => string.Join(" ", modelState[key]!.Errors.Select(e => e.ErrorMessage));

    /// <summary>
    /// Where the summary's link for a key goes: a key that is a path ("/Applications/…/Training") is the page where the
    /// error is fixed; any other key is its field. The summary is written before its fields, so the link is a value
    /// written out with the page, once every field has said its id; a key no field claimed keeps its conventional id.
    /// </summary>
    public IHtmlContent LinkTo(string key) => new Link(this, key);

    internal void FieldShown(string key, string id) => _fieldIds.TryAdd(key, id);

    internal void MessageShown(string key, string id)
    {
        _messageIds.TryAdd(key, id);
        _messagesOnPage.Add(id);
    }

    internal void MessageWritten(string id) => _messagesOnPage.Add(id);

    /// <summary>The message the field points to: its key's, the page's own <c>{field id}-error</c>, or one it already names.</summary>
    internal string? MessageIdOf(string key, string fieldId, IEnumerable<string> describedBy) =>
        _messageIds.GetValueOrDefault(key)
        ?? (_messagesOnPage.Contains(fieldId + "-error") ? fieldId + "-error" : describedBy.FirstOrDefault(_messagesOnPage.Contains));

    private sealed class Link(FormErrors errors, string key) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
            encoder.Encode(writer, key.StartsWith('/') ? key : "#" + (errors._fieldIds.GetValueOrDefault(key) ?? TagBuilder.CreateSanitizedId(key, "_")));
    }

    internal static string Text(TagHelperAttribute? attribute)
    {
        switch (attribute?.Value)
        {
            case null: return "";
            case string text: return text;
            case IHtmlContent html:
                using (var writer = new StringWriter())
                {
                    html.WriteTo(writer, NullHtmlEncoder.Default);
                    return writer.ToString();
                }
            default: return attribute.Value.ToString() ?? "";
        }
    }

    /// <summary>Set by a form group on its children, so a field with an error can mark its group.</summary>
    internal sealed class Group
    {
        public bool HasError { get; set; }
    }
}

/// <summary>An input, select or textarea whose name has errors: error class, aria-invalid, and a described-by link to its message (written here when the form has none).</summary>
[HtmlTargetElement("input", Attributes = "name")]
[HtmlTargetElement("select", Attributes = "name")]
[HtmlTargetElement("textarea", Attributes = "name")]
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    private static readonly HashSet<string> Unmarked = new(StringComparer.OrdinalIgnoreCase) { "hidden", "submit", "button", "reset", "image" };
    private static readonly HashSet<string> NoErrorClass = new(StringComparer.OrdinalIgnoreCase) { "radio", "checkbox", "file" };

    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the framework's own input helpers have written the name and id.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var type = FormErrors.Text(output.Attributes["type"]);
        if (output.TagName == "input" && Unmarked.Contains(type)) return;
        var name = FormErrors.Text(output.Attributes["name"]);
        var id = FormErrors.Text(output.Attributes["id"]);
        var modelState = ViewContext.ViewData.ModelState;
        if (name.Length == 0 || FormErrors.KeyFor(modelState, name, id) is not { } key) return;

        var errors = FormErrors.Of(ViewContext);
        if (id.Length == 0) output.Attributes.SetAttribute("id", id = TagBuilder.CreateSanitizedId(name, "_"));
        errors.FieldShown(key, id);
        if (context.Items.TryGetValue(typeof(FormErrors.Group), out var group)) ((FormErrors.Group)group).HasError = true;
        // A field that already says it is invalid (the account pages' text field) has its message written by its author.
        if (FormErrors.Text(output.Attributes["aria-invalid"]) == "true") return;

        var describedBy = FormErrors.Text(output.Attributes["aria-describedby"]).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var messageId = errors.MessageIdOf(key, id, describedBy);
        if (messageId is null)
        {
            messageId = id + "-error";
            errors.MessageShown(key, messageId);
            output.PreElement.AppendHtml($"<span class=\"usa-error-message\" id=\"{HtmlEncoder.Default.Encode(messageId)}\">");
            output.PreElement.Append(FormErrors.Messages(modelState, key));
            output.PreElement.AppendHtml("</span>");
        }
        if (!(output.TagName == "input" && NoErrorClass.Contains(type))) output.AddClass("usa-input--error", HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-invalid", "true");
        if (!describedBy.Contains(messageId)) describedBy.Add(messageId);
        output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
    }
}

/// <summary>A form's message element (<c>asp-validation-for</c>): given an id for its field to point at, and left out when there is no error.</summary>
[HtmlTargetElement(Attributes = "asp-validation-for")]
public sealed class ErrorMessageTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the framework's validation message helper, whose words it replaces with all of the key's messages.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (FormErrors.KeyFor(modelState, For.Name) is not { } key)
        {
            output.SuppressOutput();
            return;
        }
        var id = TagBuilder.CreateSanitizedId(For.Name, "_") + "-error";
        FormErrors.Of(ViewContext).MessageShown(key, id);
        output.Attributes.SetAttribute("id", id);
        output.Content.SetContent(FormErrors.Messages(modelState, key));
    }
}

/// <summary>An error message a page writes itself, with an id: its field points to it rather than getting a second one.</summary>
[HtmlTargetElement("span", Attributes = "class,id")]
public sealed class PageErrorMessageTagHelper : TagHelper
{
    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (FormErrors.Text(output.Attributes["class"]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("usa-error-message"))
            FormErrors.Of(ViewContext).MessageWritten(FormErrors.Text(output.Attributes["id"]));
    }
}

/// <summary>A <c>usa-form-group</c> holding a field with an error is marked <c>usa-form-group--error</c> (the page may have marked it already).</summary>
[HtmlTargetElement("div", Attributes = "class")]
[HtmlTargetElement("fieldset", Attributes = "class")]
public sealed class FormGroupErrorTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!FormErrors.Text(output.Attributes["class"]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("usa-form-group")) return;
        // A group within a group (a date's month, day and year) marks the outer one only.
        var outer = context.Items.TryGetValue(typeof(FormErrors.Group), out var found) ? (FormErrors.Group)found : null;
        var group = outer ?? new FormErrors.Group();
        context.Items[typeof(FormErrors.Group)] = group;
        var content = await output.GetChildContentAsync();
        output.Content.SetHtmlContent(content);
        if (outer is null && group.HasError) output.AddClass("usa-form-group--error", HtmlEncoder.Default);
    }
}
