using Registry.Application.Features.Verification;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Persistence.Providers;

/// <summary>
/// Verification's one-number read on PostgreSQL: the compiled queries' two statements (the record with its ETag's
/// fields, then its public actions), sent straight through the open connection by <see cref="SqlDialect.ReadAsync{T}"/>.
/// EF Core's query pipeline cost more CPU than both statements together, on the path that serves every anonymous
/// lookup (issue #20's verification benchmark). SQLite and SQL Server keep <see cref="CompiledPublicRecordReader"/>:
/// SQLite holds dates and times as text and numbers that EF Core converts, and no SQL Server runs here to prove the read
/// (its text is parsed as T-SQL all the same). <c>VerifyCredentialTests</c> holds the two readers to the same answers.
/// </summary>
public sealed class DirectPublicRecordReader(RegistryDbContext db) : IPublicRecordReader
{
    private static readonly string[] PublicKinds = Enum.GetValues<CredentialEventKind>().Where(k => k.IsPublicAction()).Select(k => k.ToString()).ToArray();

    public async Task<PublicCredentials.Record?> RecordAsync(CredentialNumber number, CancellationToken cancellationToken) =>
        (await SqlDialect.ReadAsync(db, Record(db.Dialect, number), reader => new PublicCredentials.Record
        {
            Id = reader.GetGuid(0), Number = number, LegalFirstName = reader.GetString(1), LegalLastName = reader.GetString(2),
            ProgramCode = reader.GetString(3), ProgramName = reader.GetString(4), StateCode = StateCode.Parse(reader.GetString(5)), StateName = reader.GetString(6),
            Status = Enum.Parse<CredentialStatus>(reader.GetString(7)), IssuedOn = reader.GetFieldValue<DateOnly>(8), ExpiresOn = reader.GetFieldValue<DateOnly>(9),
            GracePeriodDays = reader.GetInt32(10), LastUpdated = reader.GetFieldValue<DateTimeOffset>(11), LastSequence = reader.GetInt32(12),
            StatusSince = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateOnly>(13),
        }, cancellationToken)).FirstOrDefault();

    public Task<List<PublicAction>> PublicActionsAsync(Guid credentialId, CancellationToken cancellationToken) =>
        SqlDialect.ReadAsync(db, PublicActions(db.Dialect, credentialId),
            reader => new PublicAction(Enum.Parse<CredentialEventKind>(reader.GetString(0)), reader.GetFieldValue<DateOnly>(1)), cancellationToken);

    /// <summary>
    /// The record of the credential with the number: holder, program, state, status and dates, with the history's last
    /// entry (its time and sequence: the ETag's) and the last entry that moved the credential into its present status.
    /// </summary>
    internal static SqlStatement Record(SqlDialect sql, CredentialNumber number)
    {
        string Q(string name) => sql.Q(name);
        var history = Q("CredentialHistory");
        return new SqlStatement("Verification: public record", $"""
            SELECT c.{Q("Id")}, p.{Q("LegalFirstName")}, p.{Q("LegalLastName")}, g.{Q("Code")}, g.{Q("Name")}, c.{Q("StateCode")}, j.{Q("Name")},
                   c.{Q("Status")}, c.{Q("IssuedOn")}, c.{Q("ExpiresOn")}, {sql.JsonInt($"g.{Q("Requirements")}", "GracePeriodDays")},
                   latest.{Q("RecordedAt")}, latest.{Q("Sequence")}, since.{Q("EffectiveOn")}
            FROM {Q("Credentials")} c
            JOIN {Q("People")} p ON p.{Q("Id")} = c.{Q("HolderPersonId")}
            JOIN {Q("Programs")} g ON g.{Q("Id")} = c.{Q("ProgramId")}
            JOIN {Q("Jurisdictions")} j ON j.{Q("Code")} = c.{Q("StateCode")}
            JOIN {history} latest ON latest.{Q("CredentialId")} = c.{Q("Id")}
                AND latest.{Q("Sequence")} = (SELECT max(h.{Q("Sequence")}) FROM {history} h WHERE h.{Q("CredentialId")} = c.{Q("Id")})
            LEFT JOIN {history} since ON since.{Q("CredentialId")} = c.{Q("Id")}
                AND since.{Q("Sequence")} = (SELECT max(h.{Q("Sequence")}) FROM {history} h WHERE h.{Q("CredentialId")} = c.{Q("Id")}
                    AND h.{Q("ToStatus")} = c.{Q("Status")} AND h.{Q("FromStatus")} IS NOT NULL AND h.{Q("FromStatus")} <> h.{Q("ToStatus")})
            WHERE c.{Q("Number")} = @number
            """, new Dictionary<string, object?> { ["number"] = number.Value });
    }

    /// <summary>The credential's public actions (reprimands, probation, suspensions, revocations), by date then order of entry.</summary>
    internal static SqlStatement PublicActions(SqlDialect sql, Guid credentialId)
    {
        string Q(string name) => sql.Q(name);
        return new SqlStatement("Verification: public actions", $"""
            SELECT {Q("Kind")}, {Q("EffectiveOn")} FROM {Q("CredentialHistory")}
            WHERE {Q("CredentialId")} = @credential AND {Q("Kind")} IN ({string.Join(", ", PublicKinds.Select(SqlDialect.Text))})
            ORDER BY {Q("EffectiveOn")}, {Q("Sequence")}
            """, new Dictionary<string, object?> { ["credential"] = credentialId });
    }
}
