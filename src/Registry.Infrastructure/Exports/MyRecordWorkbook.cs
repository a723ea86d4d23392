using ClosedXML.Excel;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.MyRecord;

namespace Registry.Infrastructure.Exports;

/// <summary>A person's own record as a readable workbook: one sheet per kind of record.</summary>
public sealed class MyRecordWorkbook : IMyRecordWorkbook
{
    public void Write(ExportMyRecord.Model record, Stream output)
    {
        using var workbook = new XLWorkbook();
        var p = record.Profile;
        SheetWriter.AddTable(workbook, "Profile", [("Field", 24), ("Value", 60)],
        [
            ["Legal first name", p.LegalFirstName], ["Legal last name", p.LegalLastName], ["Preferred name", p.PreferredName],
            ["E-mail", p.Email], ["Phone", p.Phone], ["Date of birth", p.DateOfBirth], ["Address line 1", p.AddressLine1],
            ["Address line 2", p.AddressLine2], ["City", p.City], ["County", p.County], ["County code", p.CountyCode], ["State", p.State], ["Postal code", p.PostalCode],
            ["Record generated", record.GeneratedAt],
        ]);
        SheetWriter.AddTable(workbook, "Applications", [("Program", 36), ("State", 8), ("Type", 14), ("Status", 16), ("Started", 20), ("Submitted", 20)],
            record.Applications.Select(a => new object?[] { a.Program, a.State, a.Type, a.Status, a.CreatedAt, a.SubmittedAt }));
        SheetWriter.AddTable(workbook, "History", [("Program", 36), ("When", 20), ("From", 16), ("To", 16), ("Reason", 60)],
            record.Applications.SelectMany(a => a.History.Select(h => new object?[] { a.Program, h.At, h.From, h.To, h.Reason })));
        SheetWriter.AddTable(workbook, "Training", [("Program", 36), ("Course", 36), ("Provider", 28), ("Domain", 14), ("Hours", 8), ("Completed", 12), ("Review", 10)],
            record.Applications.SelectMany(a => a.Training.Select(t => new object?[] { a.Program, t.Course, t.Provider, t.Domain, t.Hours, t.CompletedOn, t.Review })));
        SheetWriter.AddTable(workbook, "Work", [("Program", 36), ("Kind", 10), ("Organisation", 32), ("Role", 24), ("Start", 12), ("End", 12), ("Hours", 8), ("Review", 10)],
            record.Applications.SelectMany(a => a.Work.Select(w => new object?[] { a.Program, w.Kind, w.Organisation, w.Role, w.StartOn, w.EndOn, w.Hours, w.Review })));
        SheetWriter.AddTable(workbook, "Supervision", [("Program", 36), ("Date", 12), ("Hours", 8), ("Format", 12), ("Topics", 48), ("Supervisor", 24), ("Credential", 16), ("Supervisor e-mail", 28), ("Confirmed", 20)],
            record.Applications.SelectMany(a => a.Supervision.Select(s => new object?[] { a.Program, s.HeldOn, s.Hours, s.Format, s.Topics, s.Supervisor, s.SupervisorCredential, s.SupervisorEmail, s.ConfirmedAt })));
        SheetWriter.AddTable(workbook, "References", [("Program", 36), ("Referee", 24), ("E-mail", 28), ("Relationship", 24), ("Confirmed", 20)],
            record.Applications.SelectMany(a => a.References.Select(r => new object?[] { a.Program, r.Referee, r.Email, r.Relationship, r.ConfirmedAt })));
        SheetWriter.AddTable(workbook, "Attestations", [("Program", 36), ("Title", 28), ("Version", 8), ("Words signed", 80), ("Answer", 8), ("Statement", 60), ("Signed", 20)],
            record.Applications.SelectMany(a => a.Attestations.Select(s => new object?[] { a.Program, s.Title, s.WordingVersion, s.SignedText, s.DisclosedYes, s.Statement, s.SignedAt })));
        SheetWriter.AddTable(workbook, "Continuing education", [("Program", 36), ("Course", 36), ("Provider", 28), ("Hours", 8), ("Completed", 12), ("Ethics", 8), ("Review", 10)],
            record.Applications.SelectMany(a => a.ContinuingEducation.Select(e => new object?[] { a.Program, e.Course, e.Provider, e.Hours, e.CompletedOn, e.IsEthics, e.Review })));
        SheetWriter.AddTable(workbook, "Credentials", [("Number", 18), ("Program", 36), ("Status", 14), ("Issued", 12), ("Expires", 12)],
            record.Credentials.Select(c => new object?[] { c.Number, c.Program, c.Status, c.IssuedOn, c.ExpiresOn }));
        SheetWriter.AddTable(workbook, "Credential history", [("Number", 18), ("Effective", 12), ("What happened", 18), ("Status", 14), ("Reason", 60)],
            record.Credentials.SelectMany(c => c.History.Select(e => new object?[] { c.Number, e.EffectiveOn, e.Kind, e.Status, e.Reason })));
        SheetWriter.AddTable(workbook, "Discipline cases", [("Number", 18), ("Opened", 20), ("Notice", 60), ("Respond by", 12), ("Your response", 60),
                ("Responded", 20), ("Outcome", 14), ("Reasons", 60), ("Decided", 20), ("Appeal until", 12)],
            record.DisciplineCases.Select(d => new object?[] { d.CredentialNumber, d.OpenedAt, d.Notice, d.ResponseDueOn, d.Response, d.RespondedAt, d.Outcome, d.DecisionReasons, d.DecidedAt, d.AppealUntil }));
        SheetWriter.AddTable(workbook, "Exams", [("Program", 36), ("Date", 12), ("Attempt", 8), ("Score", 8), ("Passed", 8)],
            record.ExamAttempts.Select(e => new object?[] { e.Program, e.TakenOn, e.AttemptNumber, e.Score, e.Passed }));
        SheetWriter.AddTable(workbook, "Documents", [("File", 36), ("Type", 8), ("Bytes", 12), ("Uploaded", 20)],
            record.Documents.Select(d => new object?[] { d.FileName, d.Type, d.SizeBytes, d.UploadedAt }));
        SheetWriter.AddTable(workbook, "Messages", [("Created", 20), ("Subject", 60), ("Sent", 20)],
            record.Messages.Select(m => new object?[] { m.CreatedAt, m.Subject, m.SentAt }));
        workbook.SaveAs(output);
    }
}
