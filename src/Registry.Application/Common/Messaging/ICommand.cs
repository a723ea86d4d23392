using MediatR;

namespace Registry.Application.Common.Messaging;

/// <summary>A request that changes state: it runs in a unit of work and is audited. Queries are plain <see cref="IRequest{T}"/>.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;
