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
}
