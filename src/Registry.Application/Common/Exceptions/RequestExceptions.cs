namespace Registry.Application.Common.Exceptions;

/// <summary>The record does not exist, or the sender may not know that it does.</summary>
public sealed class NotFoundException(string what, object key) : Exception($"{what} '{key}' was not found.");

/// <summary>The sender is signed in but may not do this.</summary>
public sealed class ForbiddenException(string message = "You do not have permission to do this.") : Exception(message);

/// <summary>The sender must sign in first.</summary>
public sealed class UnauthenticatedException() : Exception("Please sign in to do this.");

/// <summary>The request clashes with the record's current state, or with a change someone else saved first.</summary>
public sealed class ConflictException(string message, Exception? inner = null) : Exception(message, inner);
