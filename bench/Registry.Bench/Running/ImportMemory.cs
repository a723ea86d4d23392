using System.Text;
using System.Text.Json;
using Registry.Infrastructure.Imports;

namespace Registry.Bench.Running;

/// <summary>
/// <c>import-memory FILE</c>: reads a spreadsheet as the imports do (<see cref="SpreadsheetRows"/>, default limits),
/// every row to the end or to the refusal, and prints what the process's peak resident memory grew by while it did.
/// It runs in a process of its own so that nothing else allocates meanwhile; the Web tests run it on generated bombs.
/// </summary>
public static class ImportMemory
{
    public sealed record Result(int Rows, string? Refusal, long PeakGrowthBytes);

    public static int Run(string path, TextWriter output)
    {
        var content = File.ReadAllBytes(path);
        Read(Encoding.UTF8.GetBytes("Warm,up\n1,2\n")); // the reader's code compiled before the baseline is taken
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = ResetPeak();

        var (rows, refusal) = Read(content);

        output.WriteLine(JsonSerializer.Serialize(new Result(rows, refusal, Status("VmHWM") - baseline)));
        return 0;
    }

    private static (int Rows, string? Refusal) Read(byte[] content)
    {
        var rows = 0;
        try
        {
            foreach (var _ in new SpreadsheetRows(new ImportLimits()).Read(content)) rows++;
            return (rows, null);
        }
        catch (ImportRefusedException e)
        {
            return (rows, e.Message);
        }
    }

    /// <summary>Resets the kernel's high-water mark to the present resident size ("5" to clear_refs) and returns that size.</summary>
    private static long ResetPeak()
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
        return Status("VmRSS");
    }

    /// <summary>A memory figure from /proc/self/status, in bytes.</summary>
    private static long Status(string name)
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith(name + ":", StringComparison.Ordinal));
        return long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0]) * 1024;
    }
}
