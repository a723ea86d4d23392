namespace Registry.Infrastructure.Imports;

/// <summary>A spreadsheet the registry will not read further: its message says why, in words for the person who sent it.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);
