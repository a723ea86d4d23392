using System.Text.Json;
using System.Text.Json.Serialization;
using Registry.Application.Features.Verification;

namespace Registry.Web.Api;

/// <summary>
/// The public verification answer written by source-generated JSON (no reflection per type): the busiest anonymous
/// read. First in the API's resolver chain; every other type falls through to the reflection-based one.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PublicCredential))]
internal sealed partial class PublicAnswerJson : JsonSerializerContext;
