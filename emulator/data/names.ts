// Fictional name material for generated users and contacts.

export const firstNames = [
  "Alex", "Blake", "Casey", "Devon", "Elena", "Farah", "Gabriel", "Hana", "Ivan", "Jordan", "Keiko", "Liam",
  "Maya", "Nikhil", "Olivia", "Priya", "Quinn", "Rosa", "Samir", "Tara", "Uma", "Victor", "Wendy", "Xavier",
  "Yara", "Zane", "Aisha", "Bruno", "Chloe", "Diego", "Emma", "Felix", "Grace", "Hugo", "Isla", "Jonas",
  "Kira", "Leo", "Mila", "Noah", "Omar", "Pia", "Rahul", "Sofia", "Theo", "Vera", "Will", "Zoe",
] as const;

export const lastNames = [
  "Agent", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Iyer", "Jensen", "Kim", "Lopez",
  "Martin", "Nguyen", "Okafor", "Patel", "Quinn", "Rossi", "Singh", "Turner", "Ueda", "Varga", "Walker", "Young",
  "Zhang", "Andersen", "Brooks", "Costa", "Dubois", "Eriksen", "Ford", "Gupta", "Hall", "Ito", "Kowalski", "Li",
] as const;

export const jobTitles = [
  "Account Executive", "Support Specialist", "Sales Development Rep", "Customer Success Manager",
  "Solutions Engineer", "Office Manager", "Team Lead", "Recruiter",
] as const;

export const businessNames = [
  "Northwind Traders", "Contoso Ltd", "Fabrikam", "Globex", "Initech", "Umbrella Supplies", "Hooli",
  "Vandelay Industries", "Stark Logistics", "Wayne Freight", "Tyrell Labs", "Soylent Foods",
] as const;

export interface ZoneProfile {
  timeZone: string;
  location: string;
  country: string;
  /** External numbers called from this zone: prefix plus `suffixDigits` random digits (fictional ranges). */
  externalPrefix: string;
  suffixDigits: number;
}

// The first four are the zones the brief requires; the rest add variety for larger companies.
export const zoneProfiles: readonly ZoneProfile[] = [
  { timeZone: "America/New_York", location: "New York", country: "us", externalPrefix: "+121255501", suffixDigits: 2 },
  { timeZone: "America/Los_Angeles", location: "San Francisco", country: "us", externalPrefix: "+141555501", suffixDigits: 2 },
  { timeZone: "Europe/London", location: "London", country: "gb", externalPrefix: "+442079460", suffixDigits: 3 },
  { timeZone: "Asia/Kolkata", location: "Bengaluru", country: "in", externalPrefix: "+918055550", suffixDigits: 3 },
  { timeZone: "America/Chicago", location: "Chicago", country: "us", externalPrefix: "+131255501", suffixDigits: 2 },
  { timeZone: "Europe/Berlin", location: "Berlin", country: "de", externalPrefix: "+4930555", suffixDigits: 4 },
];
