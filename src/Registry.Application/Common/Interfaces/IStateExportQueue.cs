namespace Registry.Application.Common.Interfaces;

/// <summary>Hands a saved state export to the background job servers.</summary>
public interface IStateExportQueue
{
    void Enqueue(Guid stateExportId);
}
