using Registry.Application.Features.Verification;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Persistence.Providers;

/// <summary>
/// Verification's one-number read on PostgreSQL, sent as plain relational commands on the open connection by
/// <see cref="SqlDialect.ReadAsync{T}"/> (no query compiled or shaped): the record (joins by key and the history's last sequence, read from the
/// index alone), then, for the whole answer, the credential's history, from which its last update, the start of its
/// status, its public actions and its endorsements are made (the program's endorsement names read only when it shows one) (<see cref="PublicCredentials.FromHistory"/>, as the bulk path does). A
/// revalidation sends the first statement only. EF Core's query pipeline cost more CPU than the statements, and the
/// compiled queries' three history subqueries more of PostgreSQL's than one read of a few history rows (issue #20's
/// verification benchmark). SQLite and SQL Server keep <see cref="CompiledPublicRecordReader"/>: SQLite holds dates and
/// times as text and numbers that EF Core converts, and no SQL Server runs here to prove the read (its text is parsed
/// as T-SQL all the same). <c>VerifyCredentialTests</c> holds the two readers to the same answers.
/// </summary>
public sealed class DirectPublicRecordReader(RegistryDbContext db) : IPublicRecordReader
{
    public async Task<PublicCredential?> PublicCredentialAsync(CredentialNumber number, CancellationToken cancellationToken)
    {
        if (await RecordAsync(number, cancellationToken) is not { } record) return null;
        var history = await SqlDialect.ReadAsync(db, History(db.Dialect, record.Id), reader => new PublicCredentials.HistoryEntry(record.Id, reader.GetInt32(0),
            Enum.Parse<CredentialEventKind>(reader.GetString(1)), reader.IsDBNull(2) ? null : Enum.Parse<CredentialStatus>(reader.GetString(2)),
            Enum.Parse<CredentialStatus>(reader.GetString(3)), reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetString(6)), cancellationToken);
        return await PublicCredentials.FromHistoryAsync(db, record, history, cancellationToken);
    }

    public async Task<string?> EntityTagAsync(CredentialNumber number, CancellationToken cancellationToken) =>
        await RecordAsync(number, cancellationToken) is { } record ? PublicCredentials.EntityTagOf(record) : null;

    private async Task<PublicCredentials.Record?> RecordAsync(CredentialNumber number, CancellationToken cancellationToken) =>
        (await SqlDialect.ReadAsync(db, Record(db.Dialect, number), reader => new PublicCredentials.Record
        {
            Id = reader.GetGuid(0), Number = number, LegalFirstName = reader.GetString(1), LegalLastName = reader.GetString(2),
            ProgramCode = reader.GetString(3), ProgramName = reader.GetString(4), StateCode = StateCode.Parse(reader.GetString(5)), StateName = reader.GetString(6),
            Status = Enum.Parse<CredentialStatus>(reader.GetString(7)), IssuedOn = reader.GetFieldValue<DateOnly>(8), ExpiresOn = reader.GetFieldValue<DateOnly>(9),
            GracePeriodDays = reader.GetInt32(10), LastSequence = reader.GetInt32(11),
            Npi = reader.IsDBNull(12) ? null : reader.GetString(12), NpiHasPeerSpecialistTaxonomy = reader.GetBoolean(13),
            ProgramId = reader.GetGuid(14), RequirementsVersion = reader.GetInt32(15),
        }, cancellationToken)).FirstOrDefault();

    /// <summary>The record of the credential with the number: holder (and their NPI), program, state, status and dates, and the history's last sequence.</summary>
    internal static SqlStatement Record(SqlDialect sql, CredentialNumber number)
    {
        string Q(string name) => sql.Q(name);
        return new SqlStatement("Verification: public record", $"""
            SELECT c.{Q("Id")}, p.{Q("LegalFirstName")}, p.{Q("LegalLastName")}, g.{Q("Code")}, g.{Q("Name")}, c.{Q("StateCode")}, j.{Q("Name")},
                   c.{Q("Status")}, c.{Q("IssuedOn")}, c.{Q("ExpiresOn")}, {sql.JsonInt($"g.{Q("Requirements")}", "GracePeriodDays")},
                   (SELECT max(h.{Q("Sequence")}) FROM {Q("CredentialHistory")} h WHERE h.{Q("CredentialId")} = c.{Q("Id")}),
                   p.{Q("Npi")}, p.{Q("NpiHasPeerSpecialistTaxonomy")}, c.{Q("ProgramId")}, g.{Q("RequirementsVersion")}
            FROM {Q("Credentials")} c
            JOIN {Q("People")} p ON p.{Q("Id")} = c.{Q("HolderPersonId")}
            JOIN {Q("Programs")} g ON g.{Q("Id")} = c.{Q("ProgramId")}
            JOIN {Q("Jurisdictions")} j ON j.{Q("Code")} = c.{Q("StateCode")}
            WHERE c.{Q("Number")} = @number
            """, new Dictionary<string, object?> { ["number"] = number.Value });
    }

    /// <summary>The credential's whole history, as much of each entry as the public view is made of.</summary>
    internal static SqlStatement History(SqlDialect sql, Guid credentialId)
    {
        string Q(string name) => sql.Q(name);
        return new SqlStatement("Verification: history", $"""
            SELECT {Q("Sequence")}, {Q("Kind")}, {Q("FromStatus")}, {Q("ToStatus")}, {Q("EffectiveOn")}, {Q("RecordedAt")}, {Q("EndorsementCode")}
            FROM {Q("CredentialHistory")} WHERE {Q("CredentialId")} = @credential
            """, new Dictionary<string, object?> { ["credential"] = credentialId });
    }
}
