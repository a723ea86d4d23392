namespace Registry.Web.Pages.Applications;

/// <summary>One question of the workforce form as a fieldset of radio buttons, or of checkboxes when several may be chosen.</summary>
public sealed record WorkforceChoices(string Name, string Legend, string? Hint, bool Multiple, IReadOnlyList<(string Value, string Label)> Options, IReadOnlyCollection<string> Selected)
{
    public string Id => Name.Replace('.', '_');

    public static WorkforceChoices Of<TEnum>(string name, string legend, string? hint, bool multiple, IEnumerable<TEnum> selected, Func<TEnum, string> words)
        where TEnum : struct, Enum =>
        new(name, legend, hint, multiple,
            [.. Enum.GetValues<TEnum>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0 || !typeof(TEnum).IsDefined(typeof(FlagsAttribute), false))
                .Select(v => (v.ToString(), words(v)))],
            [.. selected.Select(s => s.ToString())]);
}
