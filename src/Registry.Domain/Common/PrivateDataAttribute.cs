namespace Registry.Domain.Common;

/// <summary>
/// Marks what a person discloses about themselves: shown only to that person, their own state's staff
/// and the audit log; never on public pages, verification responses or public exports.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PrivateDataAttribute : Attribute;
