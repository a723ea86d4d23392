namespace Registry.Bench.Generation;

/// <summary>Common U.S. given names and surnames, so generated people read like real ones (and names repeat, as they do).</summary>
public static class Names
{
    public static readonly string[] First =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Lisa", "Daniel", "Nancy",
        "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Margaret", "Donald", "Ashley", "Steven", "Kimberly", "Andrew", "Emily",
        "Paul", "Donna", "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "Timothy", "Deborah",
        "Ronald", "Stephanie", "Jason", "Rebecca", "George", "Sharon", "Edward", "Laura", "Jeffrey", "Cynthia", "Ryan", "Dorothy",
        "Jacob", "Amy", "Nicholas", "Kathleen", "Gary", "Angela", "Eric", "Shirley", "Jonathan", "Emma", "Stephen", "Brenda",
        "Larry", "Pamela", "Justin", "Nicole", "Scott", "Anna", "Brandon", "Samantha", "Benjamin", "Katherine", "Samuel", "Christine",
        "Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Reese", "Skyler", "Drew",
        "Maria", "Jose", "Luis", "Ana", "Carlos", "Rosa", "Juan", "Sofia", "Wei", "Mei", "Hiroshi", "Yuki", "Aisha", "Omar",
        "Fatima", "Kwame", "Ama", "Priya", "Ravi", "Nguyen", "Linh", "Dmitri", "Olga", "Tariq",
    ];

    public static readonly string[] Last =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
        "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
        "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
        "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell",
        "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
        "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey",
        "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James",
        "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long",
        "Ross", "Foster", "Jimenez", "Okafor", "Chen", "Wang", "Singh", "Haddad", "Yazzie", "Begay", "Tanaka", "O'Brien",
    ];

    public static readonly string[] Streets =
    [
        "Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Park Road", "Elm Street", "Washington Avenue", "Lake Drive",
        "Hillcrest Road", "Church Street", "Pine Street", "River Road", "Sunset Boulevard", "Highland Avenue", "Mill Street",
    ];

    public static readonly string[] TrainingProviders =
    [
        "State Peer Training Institute", "Recovery Community Academy", "Appalachian Consulting Group", "RI International",
        "Depression and Bipolar Support Alliance", "Community College Continuing Education", "Faces & Voices of Recovery",
    ];

    public static readonly string[] Organisations =
    [
        "Community Recovery Center", "Harbor House Recovery Center", "Peer Wellness Network", "Hope Street Clubhouse",
        "County Crisis Services", "New Horizons Recovery Community", "Family Support Partnership", "Bridge Peer Respite",
        "Veterans Peer Outreach", "Second Chance Reentry Services",
    ];

    public static readonly string[] SupervisionTopics =
    [
        "Boundaries and self-care", "Sharing recovery stories with purpose", "Crisis support and safety planning",
        "Documentation and confidentiality", "Trauma-informed practice", "Advocacy with clinical teams",
    ];

    public static readonly string[] LivedExperience =
    [
        "I have lived with depression and have been in recovery for eight years.",
        "I am in long-term recovery from an opioid use disorder.",
        "I have lived experience of psychosis and of the public mental health system.",
        "I am the parent of a young adult in recovery and navigated the children's system for ten years.",
        "I have been in recovery from alcohol use disorder since 2014.",
    ];
}
