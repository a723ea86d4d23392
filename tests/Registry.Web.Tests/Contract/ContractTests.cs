using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Testing;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.Contract;

/// <summary>The API as an integrator meets it: only the served OpenAPI document and a client generated from it.</summary>
public sealed class ContractTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_whole_journey_runs_through_a_client_generated_from_the_document()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var person = TestData.Person("Avery", "Contract");
        await Fixture.InsertAsync(state, person);
        await Fixture.CreateUserAsync("avery@test.example", Roles.Applicant, personId: person.Id);
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, "TN");
        var employer = await EmployerKeyAsync();

        var journey = GeneratedClient.Compile(GeneratedClient.Generate(await Fixture.ContractAsync()), "Contract.Journey.ContractJourney.cs")
            .GetType($"{GeneratedClient.Namespace}.ContractJourney")!.GetMethod("RunAsync")!;
        var number = await (Task<string>)journey.Invoke(null, [
            (Func<HttpClient>)(() => Fixture.Client()),
            new Dictionary<string, string>
            {
                ["state"] = "TN", ["applicant"] = "avery@test.example", ["reviewer"] = "reviewer.tn@test.example", ["password"] = WebFixture.Password,
                ["apiKey"] = employer, ["today"] = Now.ToString("O"),
            },
        ])!;

        var credential = await Fixture.QueryAsync(db => db.Credentials.SingleAsync());
        Assert.Equal(number, credential.Number.Value);
        Assert.Equal(person.Id, credential.HolderPersonId);
        Assert.Equal(CredentialStatus.Active, credential.Status);
    }

    [Fact]
    public async Task Every_schema_and_operation_in_the_document_is_named_once()
    {
        var document = (await Fixture.ContractAsync()).Document;
        var operations = document.Operations.Select(o => o.Operation).ToList();

        Assert.All(operations, o => Assert.False(string.IsNullOrEmpty(o.OperationId), $"{o.Summary} has no operationId"));
        Assert.Equal(operations.Count, operations.Select(o => o.OperationId).Distinct().Count());
        Assert.All(operations, o => Assert.Single(o.Tags));
        Assert.All(document.Components.Schemas.Keys, name => Assert.DoesNotMatch("^(Command|Model|Query|Row|Results?)$|AnonymousType|`", name));
    }

    [Theory]
    [InlineData("IssueToken", "")]
    [InlineData("ListJurisdictions", "")]
    [InlineData("VerifyCredential", "|apiKey")]
    [InlineData("VerifyCredentialsInBulk", "apiKey")]
    [InlineData("FollowChanges", "apiKey")]
    [InlineData("GetApplication", "bearer")]
    [InlineData("ListAuditEntries", "bearer")]
    public async Task Each_operation_says_which_sign_in_it_needs(string operationId, string schemes)
    {
        var operation = (await Fixture.ContractAsync()).Document.Operations.Single(o => o.Operation.OperationId == operationId).Operation;

        // Each requirement is a set of schemes; "" is the empty requirement (no sign-in), "|" separates alternatives.
        Assert.Equal(schemes, string.Join("|", (operation.Security ?? []).Select(requirement => string.Join("+", requirement.Keys))));
    }

    [Fact]
    public async Task The_token_answer_has_no_refresh_token_in_the_document_or_on_the_wire()
    {
        await Fixture.CreateUserAsync("token@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var answer = await Fixture.Client().PostAsJsonAsync("/api/v1/auth/token", new { email = "token@test.example", password = WebFixture.Password });
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["tokenType", "accessToken", "expiresIn"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(15 * 60, body.GetProperty("expiresIn").GetInt64());
        var schema = (await Fixture.ContractAsync()).Document.Components.Schemas["TokenResponse"];
        Assert.DoesNotContain("refreshToken", schema.ActualProperties.Keys);
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
    }

    private async Task<string> EmployerKeyAsync()
    {
        var employer = new Domain.Employers.Employer("Harbor Contract Clinic", "hr@harbor-contract.example", Domain.Jurisdictions.StateCode.Parse("TN"), Now);
        employer.Approve(null, Now);
        await Fixture.InsertAsync(employer);
        var key = await VerificationWebScenario.SendAsEmployerAsync(Fixture, employer.Id, new Application.Features.Employers.CreateApiKey.Command("Payer sync"));
        return key.Key;
    }
}
