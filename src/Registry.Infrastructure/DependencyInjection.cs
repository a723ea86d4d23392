using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Features.Verification;
using Registry.Infrastructure.Confirmations;
using Registry.Infrastructure.Payments;
using Registry.Infrastructure.Documents;
using Registry.Infrastructure.Health;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Mail;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;
using Registry.Infrastructure.Telemetry;

namespace Registry.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = DatabaseOutage.WithConnectTimeout(configuration.GetConnectionString("Registry")
            ?? throw new InvalidOperationException("Set ConnectionStrings:Registry to the registry's database."),
            provider, configuration.GetValue("Database:ConnectTimeout", TimeSpan.FromSeconds(5)));

        services.AddScoped<AuditContext>();
        services.AddScoped<IAuditContext>(sp => sp.GetRequiredService<AuditContext>());
        services.AddSingleton<AuditingInterceptor>();
        services.AddSingleton<LeaseGuardInterceptor>();
        services.AddSingleton<BrokenConnectionInterceptor>();
        services.AddMetrics().AddSingleton<DatabaseCommandMetrics>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        // Every e-mailed link starts here; the web host refuses to start outside Development without it.
        services.AddSingleton(new MessageLinks(configuration["Registry:PublicBaseUrl"] is { Length: > 0 } site ? site : "http://localhost:5080"));

        // An aggregate with several collections loads with one query per collection, not one wide join.
        const QuerySplittingBehavior SplitQuery = QuerySplittingBehavior.SplitQuery;
        // Retries stop when the next would begin after the budget: in an outage each request is answered 503 within seconds.
        var retries = configuration.GetValue("Database:RetryCount", 4);
        var retryDelay = configuration.GetValue("Database:MaxRetryDelay", TimeSpan.FromSeconds(1));
        var retryBudget = configuration.GetValue("Database:RetryBudget", TimeSpan.FromSeconds(3));
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteInDataFolder(connectionString, contentRootPath);
                services.AddRegistryDbContext<SqliteRegistryDbContext>(o => o.UseSqlite(sqlite, b => b.UseQuerySplittingBehavior(SplitQuery)));
                break;
            case DatabaseProvider.Postgres:
                // A dropped connection (failover, restart, terminated backend) is retried; explicit transactions run inside the strategy (see InTransactionAsync).
                services.AddRegistryDbContext<PostgresRegistryDbContext>(o => o.UseNpgsql(PostgresConnections.WithAutoPrepare(connectionString), b => b
                    .UseQuerySplittingBehavior(SplitQuery)
                    .ExecutionStrategy(d => new PostgresRetryWithinBudget(d, retries, retryDelay, retryBudget))));
                services.AddScoped<IPublicRecordReader, DirectPublicRecordReader>();
                break;
            case DatabaseProvider.SqlServer:
                // The same on SQL Server (Azure SQL failovers, transient errors such as 40613 and 1205 deadlock victims).
                services.AddRegistryDbContext<SqlServerRegistryDbContext>(o => o.UseSqlServer(connectionString, b => b
                    .UseQuerySplittingBehavior(SplitQuery)
                    .ExecutionStrategy(d => new SqlServerRetryWithinBudget(d, retries, retryDelay, retryBudget))));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be Sqlite, Postgres or SqlServer, not {provider}.");
        }
        services.AddScoped<IRegistryDbContext>(sp => sp.GetRequiredService<RegistryDbContext>());

        services.AddIdentity<RegistryUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true; // self-registered applicants confirm first; seeded users are confirmed
                // ASVS 2.1: length and a list of common and breached passwords (CommonPasswordValidator), no composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<RegistryDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ClockedTokenProvider>(TokenOptions.DefaultProvider)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<RegistryClaimsPrincipalFactory>()
            .AddSignInManager<AuditedSignInManager>();
        // Reset and invitation links (the first administrator's too) work for 24 hours, counted on the registry's clock.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddScoped<SecurityStamps>();
        services.AddScoped<IAccessLog, AccessLog>();
        services.AddScoped<IDatabaseTransactions, DatabaseTransactions>();
        services.AddScoped<IStreamedReads, StreamedReads>();

        services.AddJobs(configuration, provider, connectionString);
        services.AddMail(configuration, contentRootPath);
        services.AddDocuments(configuration, contentRootPath);
        services.AddConfirmationLinks(configuration, contentRootPath);
        services.AddPayments(configuration);
        // /health/ready asks these; /health/live asks none (see Registry.Web).
        string[] ready = [HealthTags.Ready];
        services.AddHealthChecks()
            .AddDbContextCheck<RegistryDbContext>("database", tags: ready)
            .AddCheck<JobStorageHealthCheck>("jobs", tags: ready)
            .AddCheck<OutboxHealthCheck>("outbox", tags: ready);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<CountyTextMatching>();
        services.AddSingleton<RegistryMetrics>().AddSingleton<OutboxBacklog>();
        services.AddScoped<IMyRecordWorkbook, Exports.MyRecordWorkbook>();
        services.AddScoped<IWorkforceCounts, Exports.Workforce.WorkforceSql>();
        services.AddScoped<IWorkforceDimensions, Exports.Workforce.WorkforceDimensionsSql>();
        services.AddScoped<IRetentionCounts, Exports.Workforce.RetentionSql>();
        services.AddSingleton<IWorkforceWorkbook, Exports.Workforce.WorkforceWorkbook>();
        services.AddSingleton<IRosterWriter, Exports.Workforce.RosterWorkbook>();
        // Fees: the revenue workbook (issue 17, staff part).
        services.AddSingleton<IRevenueWorkbook, Exports.Fees.RevenueWorkbook>();
        // Documents: certificates, wallet cards and receipts as accessible PDFs (issue 22).
        services.AddSingleton<IKeptDocuments, Pdf.KeptDocumentsPdf>();
        // Documents: decision letters as accessible PDFs (issue 22, letters part).
        services.AddSingleton<IDecisionLetterRenderer, Pdf.DecisionLetterPdf>();
        services.AddScoped<Exports.Workforce.WorkforceSnapshotJob>();
        services.AddHostedService<Exports.Workforce.WorkforceSnapshotSchedule>();
        services.AddScoped<Exports.StateData.StateExportJob>();
        services.AddScoped<IStateExportQueue, Exports.StateData.StateExportQueue>();
        services.AddHostedService<Exports.StateData.StateExportCleanupSchedule>();
        services.AddSingleton(new Application.Features.Jurisdictions.StateExportSettings(
            configuration.GetValue(Application.Features.Jurisdictions.StateExportSettings.Section + ":StateExportDays", 7)));
        services.AddSingleton(configuration.GetSection(Imports.ImportLimits.Section).Get<Imports.ImportLimits>() ?? new Imports.ImportLimits());
        services.AddSingleton(new Application.Features.Claims.ClaimLimits(configuration.GetValue("Claims:InvitationsPerSend", new Application.Features.Claims.ClaimLimits().InvitationsPerSend)));
        services.AddSingleton<IExamResultsReader, Imports.ExamResultsReader>();
        services.AddSingleton<IRosterReader, Imports.RosterReader>();
        services.AddSingleton<IRegisterReader, Imports.RegisterReader>();
        services.AddSingleton<IRosterWorkbook, Exports.RosterWorkbook>();
        services.AddScoped<Seeding.DemoData>();
        return services;
    }

    private static void AddJobs(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        services.AddHangfire((sp, config) =>
        {
            config.UseLogProvider(new Jobs.HostLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (provider)
            {
                case DatabaseProvider.Sqlite:
                    config.UseInMemoryStorage();
                    break;
                case DatabaseProvider.Postgres:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString),
                        new PostgreSqlStorageOptions
                        {
                            SchemaName = "hangfire", UseSlidingInvisibilityTimeout = true, PrepareSchemaIfNecessary = true,
                            QueuePollInterval = configuration.GetValue("Jobs:QueuePollInterval", TimeSpan.FromSeconds(15)),
                        });
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(connectionString, new SqlServerStorageOptions { SchemaName = "HangFire", PrepareSchemaIfNecessary = true });
                    break;
            }
        });
        // This host's job filters: Hangfire's global ones and the telemetry filter (each run a span and a count).
        services.AddSingleton<JobTelemetryFilter>();
        services.AddSingleton<IJobFilterProvider>(sp => new JobFilterProviderCollection(JobFilterProviders.Providers, new JobFilterCollection { sp.GetRequiredService<JobTelemetryFilter>() }));
        services.AddScoped<Jobs.RenewalReminderJob>();
        services.AddScoped<Jobs.RetentionReminderJob>();
        services.AddScoped<Jobs.CredentialExpiryJob>();
        services.AddHostedService<Jobs.RenewalJobsSchedule>();
        services.AddScoped<Jobs.WatchListJob>();
        services.AddHostedService<Jobs.WatchListSchedule>();
        services.AddScoped<Jobs.UnattachedEvidenceJob>();
        services.AddHostedService<Jobs.UnattachedEvidenceSchedule>();
        services.AddScoped<Jobs.RosterVerificationJob>();
        services.AddScoped<IRosterVerificationQueue, Jobs.RosterVerificationQueue>();
        services.AddScoped<Jobs.RegisterImportJob>();
        services.AddScoped<IRegisterImportQueue, Jobs.RegisterImportQueue>();
        if (configuration.GetValue("Jobs:RunServer", true))
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = configuration.GetValue("Jobs:WorkerCount", 4);
                // The queues this server works (the recurring jobs are enqueued on "default"), and always the roster
                // verifications, which an employer's system waits for.
                var queues = configuration.GetSection("Jobs:Queues").Get<string[]>() is { Length: > 0 } configured ? configured : ["default"];
                options.Queues = [.. queues.Append(Jobs.RosterVerificationJob.Queue).Append(Jobs.RegisterImportJob.Queue).Distinct()];
            });
    }

    /// <summary>
    /// Contexts come from a pool (building one per request, with its options and EF's services, cost more than
    /// the query it ran); each scope rents one through a <see cref="ContextLease"/>, which tells it who acts for
    /// the audit log and alone returns it to the pool when the scope ends.
    /// </summary>
    private static void AddRegistryDbContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : RegistryDbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
        {
            configure(options);
            options.AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<LeaseGuardInterceptor>(),
                sp.GetRequiredService<BrokenConnectionInterceptor>(), sp.GetRequiredService<DatabaseCommandMetrics>());
        });
        services.AddScoped(ContextLease.Rent<TContext>);
        services.AddScoped<RegistryDbContext>(sp => sp.GetRequiredService<ContextLease>().Context);
        // The keys' and documents' tables, on the same database with the same options (no auditing: nothing of the registry's is written there).
        services.AddDbContextFactory<SharedStorageDbContext>(configure);
    }

    /// <summary>
    /// A relative SQLite file lives under the app's content root, in a folder made on demand. Folder and file are made
    /// for the service's user only (<see cref="OwnerOnly"/>); SQLite gives its journal, -wal and -shm files the
    /// database file's mode.
    /// </summary>
    private static string SqliteInDataFolder(string connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not (":memory:" or "") && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRootPath);
            OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
            OwnerOnly.CreateFileIfMissing(path);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}
