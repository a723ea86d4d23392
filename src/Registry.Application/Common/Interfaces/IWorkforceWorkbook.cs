using Registry.Application.Features.Workforce;

namespace Registry.Application.Common.Interfaces;

/// <summary>Writes a workforce report as a workbook: a summary, one sheet per state, and the definitions.</summary>
public interface IWorkforceWorkbook
{
    void Write(WorkforceReport report, Stream output);
}
