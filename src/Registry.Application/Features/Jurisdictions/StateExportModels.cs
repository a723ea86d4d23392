using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>The one read model of a state export, for its list and its status.</summary>
internal static class StateExportModels
{
    public static ListStateExports.Model From(StateExport e) => new(e.Id, e.StateCode.Value, e.Status, e.RequestedAt, e.CurrentFile,
        e.FilesWritten, e.FilesTotal, e.RowsWritten, e.SizeBytes, e.Problem, e.CompletedAt, e.ExpiresAt);
}
