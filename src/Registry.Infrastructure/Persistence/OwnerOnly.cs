namespace Registry.Infrastructure.Persistence;

/// <summary>
/// Folders and files holding personal data or secrets (the SQLite database, evidence, the key ring) are created
/// readable by the service's own user only: folders 0700 and files 0600 on Unix, set at creation so they are never
/// briefly open to others. On Windows they inherit their parent folder's access list, which the deployment sets.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder and any missing parents (each 0700); one that exists keeps its mode.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        // .NET gives the mode to the last folder only: the missing parents are made one at a time, outermost first.
        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
            missing.Push(folder);
        while (missing.TryPop(out var folder))
            Directory.CreateDirectory(folder, FolderMode);
    }

    /// <summary>A new file (0600) to write; fails if the file exists.</summary>
    public static FileStream CreateNew(string path, int bufferSize = 4096, bool useAsync = false)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize,
            Options = useAsync ? FileOptions.Asynchronous : FileOptions.None,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }

    /// <summary>Creates the file empty (0600) unless it exists; what SQLite then makes beside it takes the same mode.</summary>
    public static void CreateFileIfMissing(string path)
    {
        try
        {
            using (CreateNew(path)) { }
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already there: it keeps the mode it has.
        }
    }
}
