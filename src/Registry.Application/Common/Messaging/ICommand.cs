using MediatR;

namespace Registry.Application.Common.Messaging;

/// <summary>A request that changes state: it runs in a unit of work and is audited. Queries are plain <see cref="IRequest{T}"/>.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>
/// A command whose handler saves in several steps (ASP.NET Identity saves each change itself): its unit of
/// work runs in one explicit transaction, so it still writes all or nothing.
/// </summary>
public interface ISavesInSteps;
