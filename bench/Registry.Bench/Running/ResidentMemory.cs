using System.Diagnostics;

namespace Registry.Bench.Running;

/// <summary>This process's resident memory as Linux counts it (/proc/self), for the benchmarks that print a peak.</summary>
public static class ResidentMemory
{
    /// <summary>Linux: "5" resets the process's resident-set high-water mark (VmHWM) to its current size.</summary>
    public static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>A memory line of /proc/self/status in bytes (VmRSS now, VmHWM the peak), or null off Linux.</summary>
    public static long? Status(string key)
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) : null;
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    /// <summary>
    /// Runs <paramref name="run"/> after a full collection with the high-water mark reset: its time, the resident size
    /// just before it and the peak while it ran, in MB.
    /// </summary>
    public static async Task<(double Seconds, double BeforeMegabytes, double PeakMegabytes, T Result)> MeasureAsync<T>(Func<Task<T>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ResetPeak();
        var before = Status("VmRSS:") ?? 0;
        var clock = Stopwatch.StartNew();
        var result = await run();
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = Status("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;
        return (seconds, before / 1024.0 / 1024.0, peak / 1024.0 / 1024.0, result);
    }
}
