using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Domain.Attestations;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Persistence;

namespace Registry.Bench.Generation;

public sealed record Wording(Guid Id, string Code, AttestationKind Kind, string Title, string Text, int Version);

/// <summary>
/// The few rows written through EF and the domain rather than COPY: states and programs, so each
/// program's requirements JSON is exactly what the application would store. Program ids are set to
/// the generator's deterministic ones before the save.
/// </summary>
public static class ReferenceData
{
    private static readonly PropertyInfo ProgramId = typeof(CredentialProgram).GetProperty(nameof(CredentialProgram.Id))!;

    public static async Task WriteStatesAndProgramsAsync(string connectionString, Catalog catalog, CancellationToken ct)
    {
        await using var provider = BenchDatabase.Services(connectionString);
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().Action = "GenerateBenchData";
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        for (var s = 0; s < catalog.States.Count; s++)
        {
            var state = catalog.States[s];
            var jurisdiction = new Jurisdiction(StateCode.Parse(state.Code), state.Name, state.TimeZone);
            foreach (var spec in catalog.ProgramsByState[s])
            {
                var program = jurisdiction.AddProgram(spec.Code, $"{state.Name} {spec.Name}", spec.Requirements);
                ProgramId.SetValue(program, spec.Id);
            }
            db.Jurisdictions.Add(jurisdiction);
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Dictionary<string, Guid>> RoleIdsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var roles = new Dictionary<string, Guid>();
        await using var command = dataSource.CreateCommand("SELECT \"Name\", \"Id\" FROM \"AspNetRoles\"");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) roles[reader.GetString(0)] = reader.GetGuid(1);
        return roles;
    }

    /// <summary>The latest published version of each standard wording.</summary>
    public static async Task<Dictionary<string, Wording>> WordingsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var wordings = new Dictionary<string, Wording>();
        await using var command = dataSource.CreateCommand(
            "SELECT \"Id\", \"Code\", \"Kind\", \"Title\", \"Text\", \"Version\" FROM \"AttestationWordings\" ORDER BY \"Version\"");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var wording = new Wording(reader.GetGuid(0), reader.GetString(1), Enum.Parse<AttestationKind>(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetInt32(5));
            wordings[wording.Code] = wording;
        }
        return wordings;
    }
}
