using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Registry.Infrastructure.Persistence.Providers;

public sealed class SqliteDialect : SqlDialect
{
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    public override string Q(string name) => $"\"{name}\"";

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    // Upper-case text, as EF Core stores Guids on SQLite; randomblob is evaluated per row.
    public override string NewId =>
        "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";

    public override string AddDays(string date, int days) => $"date({date}, '{(days >= 0 ? "+" : "")}{days} days')";
    public override string Concat(params string[] parts) => "(" + string.Join(" || ", parts.Select(p => $"coalesce({p}, '')")) + ")";
    public override string DateText(string date) => date;
    public override string GuidText(string guid) => $"lower({guid})";
    public override string IntText(string value) => $"CAST({value} AS TEXT)";
    public override string Newline => "char(10)";
    public override string JsonInt(string json, string property) => $"CAST(json_extract({json}, {Text("$." + property)}) AS INTEGER)";
    public override string StringAgg(string text, string separator, string orderBy) => $"group_concat({text}, {separator} ORDER BY {orderBy})";

    // Any write takes SQLite's single write lock for the rest of the transaction.
    public override string LockStatement(string name) => "UPDATE \"RenewalReminders\" SET \"DaysBefore\" = \"DaysBefore\" WHERE 0 = 1";

    public override string JsonObject(params (string Name, string Value)[] properties) =>
        $"json_object({string.Join(", ", properties.Select(p => $"{Text(p.Name)}, {p.Value}"))})";

    public override string JsonArrayAgg(string jsonObject, string orderBy) => $"json_group_array({jsonObject} ORDER BY {orderBy})";

    /// <summary>SQLite keeps a timestamp as EF Core's sortable binary number (see <see cref="DaysBetween"/>).</summary>
    public override object Timestamp(DateTimeOffset at) => Binary.ConvertToProvider(at)!;

    /// <summary>
    /// EF Core's binary number is (local ticks / 1000) shifted left 11 bits, with the offset in minutes in the
    /// low 11 bits (signed). The UTC day is rebuilt from those parts.
    /// </summary>
    public override string DaysBetween(string start, string end) => $"({UtcDay(end)} - {UtcDay(start)})";

    private static string UtcDay(string column) =>
        $"((({column} >> 11) - (CASE WHEN ({column} & 1024) <> 0 THEN ({column} & 2047) - 2048 ELSE ({column} & 2047) END) * 600000) / 864000000)";
}
