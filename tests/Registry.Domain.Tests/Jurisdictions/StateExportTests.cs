using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Tests.Jurisdictions;

public sealed class StateExportTests
{
    private static readonly DateTimeOffset At = new(2027, 6, 15, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Finished_parts_keep_their_row_counts_once_and_a_restart_keeps_them()
    {
        var export = new StateExport(StateCode.Parse("TN"), Guid.NewGuid(), At, TimeSpan.FromDays(7));
        export.Start(3, At);
        export.PartFinished("people.csv", 12);
        export.PartFinished("people.csv", 99);
        export.PartFinished("programs.csv", 3);
        export.Start(3, At.AddMinutes(5));

        Assert.Equal(new Dictionary<string, long> { ["people.csv"] = 12, ["programs.csv"] = 3 }, export.FinishedPartRows);
        Assert.Equal((2, 15L, 2, At), (export.FilesWritten, export.RowsWritten, export.Attempts, export.StartedAt!.Value));
        Assert.Equal(At.AddDays(7), export.ExpiresAt);
    }

    [Fact]
    public void A_finished_export_neither_restarts_nor_fails()
    {
        var export = new StateExport(StateCode.Parse("TN"), Guid.NewGuid(), At, TimeSpan.FromDays(7));
        Assert.Throws<DomainRuleException>(() => export.Complete("key", 10, At));
        export.Start(1, At);
        export.Complete("key", 10, At);

        Assert.Throws<DomainRuleException>(() => export.Start(1, At));
        Assert.Throws<DomainRuleException>(() => export.Fail("late", At));
        Assert.Equal(StateExportStatus.Ready, export.Status);
    }
}
