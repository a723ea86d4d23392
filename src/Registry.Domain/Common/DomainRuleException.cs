namespace Registry.Domain.Common;

/// <summary>A rule of the domain refused an operation; the message is written for the person who asked.</summary>
public sealed class DomainRuleException(string message) : Exception(message);
