namespace Registry.Domain.Common;

/// <summary>Something that happened to an aggregate, for others to react to in the same unit of work.</summary>
public interface IDomainEvent;

/// <summary>An aggregate that records events as its transitions happen; the unit of work takes them before saving.</summary>
public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
