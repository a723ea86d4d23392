// Compiled at test time with the client NSwag generates from /openapi/v1.json (namespace Registry.Contract):
// if the document stops describing what the API does, this file stops compiling or the journey fails.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Registry.Contract;

public static class ContractJourney
{
    /// <summary>Applicant applies, a reviewer approves, anyone verifies, an employer checks by API key. Returns the credential number.</summary>
    public static async Task<string> RunAsync(Func<HttpClient> newClient, IReadOnlyDictionary<string, string> actors)
    {
        // The applicant signs in, finds the program, starts and fills in an application, and submits it.
        var applicant = await SignedInAsync(newClient, actors["applicant"], actors["password"]);
        var jurisdictions = await new RegistryClient(newClient()).ListJurisdictionsAsync();
        var program = jurisdictions.Single(j => j.Code == actors["state"]).Programs.Single();
        var started = await applicant.StartApplicationAsync(Key(), new StartApplicationRequest { ProgramId = program.Id });

        var uploaded = await applicant.UploadEvidenceAsync(Key(), new FileParameter(new MemoryStream(Pdf), "certificate.pdf", "application/pdf"));
        var training = await applicant.AddTrainingRecordAsync(started.ApplicationId, Key(), new AddTrainingRecordRequest
        {
            Course = "Peer Ethics", Provider = "State Office", Hours = 6.5, CompletedOn = DateTimeOffset.Parse(actors["today"]).AddDays(-3),
            EvidenceDocumentId = uploaded.DocumentId,
        });
        var records = await applicant.GetRecordsAsync(started.ApplicationId);
        if (records.Training.Single().Id != training.RecordId) throw new InvalidOperationException("The training record is not on the application.");

        var submitted = await applicant.SubmitApplicationAsync(started.ApplicationId, Key(), new SubmitRequest());
        if (submitted.Status != ApplicationStatus.Submitted) throw new InvalidOperationException($"Submitted, yet {submitted.Status}.");

        // A reviewer of the state takes it from the queue, verifies the training entry, and approves it.
        var reviewer = await SignedInAsync(newClient, actors["reviewer"], actors["password"]);
        var queue = await reviewer.GetReviewQueueAsync(actors["state"], ApplicationStatus.Submitted, null, null, 10);
        if (!queue.Items.Any(r => r.ApplicationId == started.ApplicationId)) throw new InvalidOperationException("The application is not in the queue.");
        await reviewer.BeginReviewAsync(started.ApplicationId, Key());
        // Approval waits until each training entry is checked.
        await reviewer.ReviewRecordAsync(started.ApplicationId, training.RecordId, Key(), new RecordReviewRequest { Verified = true });
        var approval = Key();
        var issued = await reviewer.ApproveApplicationAsync(started.ApplicationId, approval, new ApprovalRequest { Note = "All in order." });
        // A retry with the same key gets the same answer, not a second credential or a conflict.
        var retried = await reviewer.ApproveApplicationAsync(started.ApplicationId, approval, new ApprovalRequest { Note = "All in order." });
        if (retried.CredentialNumber != issued.CredentialNumber) throw new InvalidOperationException("A retried approval answered differently.");

        // Anyone verifies the credential by its number.
        var verified = await new RegistryClient(newClient()).VerifyCredentialAsync(issued.CredentialNumber);
        if (verified.Status != CredentialStatus.Active) throw new InvalidOperationException($"Verified as {verified.Status}.");

        // An employer's system checks it with its API key.
        var employerHttp = newClient();
        employerHttp.DefaultRequestHeaders.Add("X-Api-Key", actors["apiKey"]);
        var employer = new RegistryClient(employerHttp);
        var bulk = await employer.VerifyCredentialsInBulkAsync(new[] { issued.CredentialNumber, "TN-CPRS-999999" });
        if (bulk.Count != 2 || bulk.First().Credential?.CredentialNumber != issued.CredentialNumber || bulk.Last().Credential != null)
            throw new InvalidOperationException("Bulk verification did not answer each number in order.");

        // It watches the credential, reads its watch-list a page at a time, and follows the changes feed.
        var watched = await employer.WatchCredentialsAsync(Key(), new WatchRequest { CredentialNumbers = new[] { issued.CredentialNumber } });
        if (watched.Added != 1) throw new InvalidOperationException("The credential was not added to the watch-list.");
        var watchList = await employer.ListWatchListAsync(null, 1);
        if (watchList.Items.Single().CredentialNumber != issued.CredentialNumber || watchList.Next != null)
            throw new InvalidOperationException("The watch-list does not hold the credential alone.");
        var changes = await employer.FollowChangesAsync(null, 100);
        if (string.IsNullOrEmpty(changes.Next)) throw new InvalidOperationException("The changes feed gave no cursor to resume from.");

        // And it verifies a roster as a job: upload, poll, download the result.
        var csv = System.Text.Encoding.UTF8.GetBytes("CredentialNumber,LastName\n" + issued.CredentialNumber + ",Contract\n");
        var accepted = await employer.SubmitRosterVerificationAsync(Key(), new FileParameter(new MemoryStream(csv), "roster.csv", "text/csv"));
        RosterVerificationStatusModel job;
        var polls = 0;
        do
        {
            if (polls++ > 120) throw new InvalidOperationException("The roster verification did not finish.");
            await Task.Delay(250);
            job = await employer.GetRosterVerificationAsync(accepted.Id);
        }
        while (job.Status is "queued" or "running");
        if (job.Status != "completed" || job.Matched != 1) throw new InvalidOperationException($"The roster verification ended {job.Status}: {job.Problem}");
        using (var result = await employer.DownloadRosterVerificationResultAsync(accepted.Id))
        {
            var header = new byte[2];
            await result.Stream.ReadExactlyAsync(header);
            if (header[0] != (byte)'P' || header[1] != (byte)'K') throw new InvalidOperationException("The roster result is not an .xlsx workbook.");
        }

        // A problem comes back as the documented exception, with its problem details.
        try
        {
            await applicant.ApproveApplicationAsync(started.ApplicationId, null, new ApprovalRequest());
            throw new InvalidOperationException("An applicant approved their own application.");
        }
        catch (ApiException<ProblemDetails> problem) when (problem.StatusCode == 403)
        {
        }
        return issued.CredentialNumber;
    }

    private static string Key() => Guid.NewGuid().ToString();

    private static async Task<RegistryClient> SignedInAsync(Func<HttpClient> newClient, string email, string password)
    {
        var token = await new RegistryClient(newClient()).IssueTokenAsync(new TokenRequest { Email = email, Password = password });
        var http = newClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
        return new RegistryClient(http);
    }

    private static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n% certificate\n").Concat(new byte[64]).ToArray();
}
