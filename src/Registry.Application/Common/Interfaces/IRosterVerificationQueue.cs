namespace Registry.Application.Common.Interfaces;

/// <summary>Hands a saved roster verification to the background job servers.</summary>
public interface IRosterVerificationQueue
{
    void Enqueue(Guid rosterVerificationId);
}
