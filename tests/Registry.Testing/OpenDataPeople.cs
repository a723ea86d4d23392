using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Testing;

/// <summary>
/// Peer specialists active through June 2025, large enough counts for open data to publish most figures:
/// Tennessee (CPRS) Davidson 40, Knox 25, Shelby 4; Pennsylvania (CPS) Dauphin 30, Erie 20.
/// </summary>
public static class OpenDataPeople
{
    public static readonly DateOnly June2025 = new(2025, 6, 1);

    public static object[] Entities()
    {
        var tn = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var pa = TestData.State("PA", "Pennsylvania", "CPS", TestData.NoRequirements());
        var entities = new List<object> { tn, pa };
        void Live(int count, string county, Jurisdiction state)
        {
            for (var i = 0; i < count; i++)
            {
                var person = TestData.Person($"{county}{i}", "Peer");
                person.UpdateContact(null, null, new PostalAddress("1 Main St", null, "Town", county, state.Code, "37203"));
                var issuedOn = new DateOnly(2025, 1, 10);
                entities.AddRange([person, Credential.Issue(state.Programs[0], person.Id, issuedOn, Guid.Empty, new DateTimeOffset(issuedOn.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero))]);
            }
        }
        Live(40, "Davidson", tn);
        Live(25, "Knox", tn);
        Live(4, "Shelby", tn);
        Live(30, "Dauphin", pa);
        Live(20, "Erie", pa);
        return [.. entities];
    }
}
