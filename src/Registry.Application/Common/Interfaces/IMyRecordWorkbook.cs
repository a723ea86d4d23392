using Registry.Application.Features.MyRecord;

namespace Registry.Application.Common.Interfaces;

/// <summary>Writes a person's record as a readable spreadsheet.</summary>
public interface IMyRecordWorkbook
{
    void Write(ExportMyRecord.Model record, Stream output);
}
