using System.Text.RegularExpressions;

namespace Registry.Architecture.Tests;

/// <summary>
/// Hand-written SQL reaches the database only through <c>SqlDialect</c>, as a named <c>SqlStatement</c>: so the
/// SQL Server parse test (SqlServerParseTests in Registry.Web.Tests) finds and renders every one of them.
/// Migrations are left out: the idempotent script they make is parsed whole.
/// </summary>
public sealed partial class RawSqlTests
{
    private static readonly string Gate = Path.Combine("src", "Registry.Infrastructure", "Persistence", "Providers", "SqlDialect.cs");

    [Fact]
    public void Only_SqlDialect_sends_hand_written_SQL()
    {
        var sends = Directory.EnumerateFiles(Path.Combine(SolutionFiles.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj", "Migrations"]).Any())
            .Where(path => Path.GetRelativePath(SolutionFiles.Root, path) != Gate)
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => RawSql().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(SolutionFiles.Root, l.path)}:{l.number}: {l.line.Trim()}")
            .ToList();
        Assert.True(sends.Count == 0, "Send hand-written SQL as a SqlStatement through SqlDialect.ExecuteAsync or QueryAsync, not at:\n" + string.Join("\n", sends));
    }

    [Theory]
    [InlineData("await db.Database.ExecuteSqlRawAsync(sql, ct);")]
    [InlineData("await db.Database.ExecuteSqlAsync($\"DELETE FROM x WHERE id = {id}\");")]
    [InlineData("var rows = db.Database.SqlQueryRaw<Row>(sql).ToList();")]
    [InlineData("db.People.FromSqlRaw(\"SELECT * FROM People\")")]
    [InlineData("db.People.FromSql($\"SELECT * FROM People\")")]
    [InlineData("command.CommandText = \"SELECT 1\";")]
    public void A_raw_SQL_send_is_found(string line) => Assert.Matches(RawSql(), line);

    [GeneratedRegex(@"\b(ExecuteSql\w*|SqlQuery\w*|FromSql\w*)\s*[<(]|\.CommandText\b|\bCreateCommand\(")]
    private static partial Regex RawSql();
}
