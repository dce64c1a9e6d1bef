/**
 * Word lists for the synthetic population. Ranked by rough US frequency so that a Zipf draw gives many
 * "John Smith"s and a long tail of rare names, as real customer lists have.
 */

export const femaleNames = [
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
  'Lisa', 'Nancy', 'Betty', 'Margaret', 'Sandra', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle',
  'Carol', 'Amanda', 'Dorothy', 'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Sharon', 'Laura', 'Cynthia',
  'Kathleen', 'Amy', 'Angela', 'Shirley', 'Anna', 'Brenda', 'Pamela', 'Emma', 'Nicole', 'Helen',
  'Samantha', 'Katherine', 'Christine', 'Debra', 'Rachel', 'Carolyn', 'Janet', 'Catherine', 'María', 'Heather',
  'Diane', 'Ruth', 'Julie', 'Olivia', 'Joyce', 'Virginia', 'Victoria', 'Kelly', 'Lauren', 'Christina',
  'Joan', 'Evelyn', 'Judith', 'Megan', 'Andrea', 'Cheryl', 'Hannah', 'Jacqueline', 'Martha', 'Gloria',
  'Teresa', 'Ann', 'Sara', 'Madison', 'Frances', 'Kathryn', 'Janice', 'Jean', 'Abigail', 'Alice',
  'Judy', 'Sophia', 'Grace', 'Denise', 'Amber', 'Doris', 'Marilyn', 'Danielle', 'Beverly', 'Isabella',
  'Theresa', 'Diana', 'Natalie', 'Brittany', 'Charlotte', 'Marie', 'Kayla', 'Alexis', 'Lori', 'Renée',
  'Zoë', 'Chloé', 'Inés', 'Björk', 'Léa', 'Sofía', 'Lucía', 'Noémie', 'Agnès', 'Hélène',
] as const

export const maleNames = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Charles',
  'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua',
  'Kenneth', 'Kevin', 'Brian', 'George', 'Timothy', 'Ronald', 'Edward', 'Jason', 'Jeffrey', 'Ryan',
  'Jacob', 'Gary', 'Nicholas', 'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon',
  'Benjamin', 'Samuel', 'Gregory', 'Alexander', 'Frank', 'Patrick', 'Raymond', 'Jack', 'Dennis', 'Jerry',
  'Tyler', 'Aaron', 'José', 'Adam', 'Nathan', 'Henry', 'Douglas', 'Zachary', 'Peter', 'Kyle',
  'Ethan', 'Walter', 'Noah', 'Jeremy', 'Christian', 'Keith', 'Roger', 'Terry', 'Gerald', 'Harold',
  'Sean', 'Austin', 'Carl', 'Arthur', 'Lawrence', 'Dylan', 'Jesse', 'Jordan', 'Bryan', 'Billy',
  'Joe', 'Bruce', 'Gabriel', 'Logan', 'Albert', 'Willie', 'Alan', 'Juan', 'Wayne', 'Elijah',
  'Randy', 'Roy', 'Vincent', 'Ralph', 'Eugene', 'Russell', 'Bobby', 'Mason', 'Philip', 'Louis',
  'François', 'André', 'Jürgen', 'Ramón', 'Sébastien', 'Joël', 'Andrés', 'Jérôme', 'Raúl', 'Björn',
] as const

/** Formal name → nicknames people actually use on forms. */
export const nicknames: Readonly<Record<string, readonly string[]>> = {
  William: ['Bill', 'Will', 'Billy', 'Liam'], Robert: ['Bob', 'Rob', 'Bobby', 'Robbie'], Richard: ['Rick', 'Dick', 'Rich'],
  James: ['Jim', 'Jimmy', 'Jamie'], John: ['Jack', 'Johnny'], Michael: ['Mike', 'Mikey'], Joseph: ['Joe', 'Joey'],
  Thomas: ['Tom', 'Tommy'], Charles: ['Charlie', 'Chuck'], Christopher: ['Chris'], Daniel: ['Dan', 'Danny'],
  Matthew: ['Matt'], Anthony: ['Tony'], Donald: ['Don'], Steven: ['Steve'], Andrew: ['Andy', 'Drew'],
  Joshua: ['Josh'], Kenneth: ['Ken', 'Kenny'], Timothy: ['Tim'], Ronald: ['Ron', 'Ronnie'], Edward: ['Ed', 'Eddie', 'Ted'],
  Jeffrey: ['Jeff'], Jacob: ['Jake'], Nicholas: ['Nick'], Jonathan: ['Jon'], Benjamin: ['Ben'], Samuel: ['Sam'],
  Gregory: ['Greg'], Alexander: ['Alex'], Patrick: ['Pat'], Gerald: ['Jerry'], Lawrence: ['Larry'], Peter: ['Pete'],
  Zachary: ['Zach'], Philip: ['Phil'], Douglas: ['Doug'], Eugene: ['Gene'], Raymond: ['Ray'], Walter: ['Walt'],
  Margaret: ['Peggy', 'Maggie', 'Meg'], Elizabeth: ['Liz', 'Beth', 'Betsy', 'Lizzie'], Patricia: ['Pat', 'Patty', 'Trish'],
  Jennifer: ['Jen', 'Jenny'], Barbara: ['Barb'], Susan: ['Sue', 'Susie'], Jessica: ['Jess'], Kimberly: ['Kim'],
  Deborah: ['Debbie', 'Deb'], Rebecca: ['Becky'], Kathleen: ['Kathy', 'Kate'], Katherine: ['Kate', 'Katie', 'Kathy'],
  Christine: ['Chris', 'Chrissy'], Catherine: ['Cathy', 'Cat'], Samantha: ['Sam'], Victoria: ['Vicky', 'Tori'],
  Judith: ['Judy'], Jacqueline: ['Jackie'], Theresa: ['Terri', 'Tess'], Teresa: ['Terri'], Dorothy: ['Dot', 'Dottie'],
  Pamela: ['Pam'], Cynthia: ['Cindy'], Stephanie: ['Steph'], Abigail: ['Abby'], Alexis: ['Lexi'], Isabella: ['Bella'],
  Amanda: ['Mandy'], Virginia: ['Ginny'], Frances: ['Fran'], Melissa: ['Missy', 'Mel'], Natalie: ['Nat'],
}

/** Surnames by rough frequency; the head makes common names common. */
export const surnames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes',
  'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jiménez',
  'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes',
  'Gonzales', 'Fisher', 'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham',
  'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West', 'Cole', 'Hayes', 'Bryant', 'Herrera', 'Gibson',
  'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall', 'Owens',
  'Harrison', 'Fernandez', 'McDonald', 'Woods', 'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen',
  'Freeman', 'Webb', 'Tucker', 'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter',
  'Gordon', 'Mendez', 'Silva', 'Shaw', 'Snyder', 'Mason', 'Dixon', 'Muñoz', 'Hunt', 'Hicks',
  'Holmes', 'Palmer', 'Wagner', 'Black', 'Robertson', 'Boyd', 'Rose', 'Stone', 'Salazar', 'Fox',
  'Warren', 'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza', 'Daniels', 'Ferguson', 'Nichols', 'Stephens',
  'Soto', 'Weaver', 'Ryan', 'Gardner', 'Payne', 'Grant', 'Dunn', 'Kelley', 'Spencer', 'Hawkins',
  "O'Brien", 'Müller', 'Schäfer', 'Lefèvre', 'Núñez', 'Peña', 'Dubois', 'Kowalski', 'Novák', 'Østergaard',
  'Abernathy', 'Blackwood', 'Castellanos', 'Delacroix', 'Eckhardt', 'Fairweather', 'Galloway', 'Hargreaves', 'Iverson', 'Jablonski',
  'Kaczmarek', 'Lindqvist', 'Montgomery', 'Nakamura', 'Okonkwo', 'Pemberton', 'Quintero', 'Rasmussen', 'Szymanski', 'Thorne',
  'Underwood', 'Valentin', 'Whitfield', 'Yamamoto', 'Zielinski', 'Ashworth', 'Birkenstock', 'Cavanaugh', 'Dunleavy', 'Ellsworth',
] as const

export const streetNames = [
  'Main', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Walnut', 'Sunset',
  'Lincoln', 'Jackson', 'Church', 'River', 'Highland', 'Willow', 'Meadow', 'Forest', 'Spring', 'Ridge',
  'Chestnut', 'Franklin', 'Jefferson', 'Madison', 'Cherry', 'Adams', 'Mill', 'Center', 'Union', 'Prospect',
  'Valley', 'Lakeview', 'Birch', 'Dogwood', 'Magnolia', 'Hickory', 'Sycamore', 'Laurel', 'Grove', 'Bay',
  'Harbor', 'Vine', 'Colonial', 'Liberty', 'Summit', 'Woodland', 'Orchard', 'Fairview', 'Ash', 'Poplar',
] as const

/** Street type as written in full and as abbreviated: sources disagree on which one they show. */
export const streetTypes = [
  ['Street', 'St'], ['Avenue', 'Ave'], ['Road', 'Rd'], ['Drive', 'Dr'], ['Lane', 'Ln'], ['Court', 'Ct'],
  ['Boulevard', 'Blvd'], ['Place', 'Pl'], ['Terrace', 'Ter'], ['Way', 'Way'],
] as const

export interface City {
  name: string
  region: string
  regionName: string
  zip3: string
  areaCodes: readonly string[]
  lat: number
  lon: number
  tz: string
  gmt: number
}

export const cities: readonly City[] = [
  { name: 'New York', region: 'NY', regionName: 'New York', zip3: '100', areaCodes: ['212', '646', '917'], lat: 40.71, lon: -74.0, tz: 'America/New_York', gmt: -5 },
  { name: 'Brooklyn', region: 'NY', regionName: 'New York', zip3: '112', areaCodes: ['718', '347'], lat: 40.65, lon: -73.95, tz: 'America/New_York', gmt: -5 },
  { name: 'Boston', region: 'MA', regionName: 'Massachusetts', zip3: '021', areaCodes: ['617', '857'], lat: 42.36, lon: -71.06, tz: 'America/New_York', gmt: -5 },
  { name: 'Portland', region: 'ME', regionName: 'Maine', zip3: '041', areaCodes: ['207'], lat: 43.66, lon: -70.26, tz: 'America/New_York', gmt: -5 },
  { name: 'Portland', region: 'OR', regionName: 'Oregon', zip3: '972', areaCodes: ['503', '971'], lat: 45.52, lon: -122.68, tz: 'America/Los_Angeles', gmt: -8 },
  { name: 'Newark', region: 'NJ', regionName: 'New Jersey', zip3: '071', areaCodes: ['973', '862'], lat: 40.74, lon: -74.17, tz: 'America/New_York', gmt: -5 },
  { name: 'Philadelphia', region: 'PA', regionName: 'Pennsylvania', zip3: '191', areaCodes: ['215', '267'], lat: 39.95, lon: -75.17, tz: 'America/New_York', gmt: -5 },
  { name: 'Pittsburgh', region: 'PA', regionName: 'Pennsylvania', zip3: '152', areaCodes: ['412'], lat: 40.44, lon: -80.0, tz: 'America/New_York', gmt: -5 },
  { name: 'Baltimore', region: 'MD', regionName: 'Maryland', zip3: '212', areaCodes: ['410', '443'], lat: 39.29, lon: -76.61, tz: 'America/New_York', gmt: -5 },
  { name: 'Washington', region: 'DC', regionName: 'District of Columbia', zip3: '200', areaCodes: ['202'], lat: 38.9, lon: -77.04, tz: 'America/New_York', gmt: -5 },
  { name: 'Richmond', region: 'VA', regionName: 'Virginia', zip3: '232', areaCodes: ['804'], lat: 37.54, lon: -77.44, tz: 'America/New_York', gmt: -5 },
  { name: 'Charlotte', region: 'NC', regionName: 'North Carolina', zip3: '282', areaCodes: ['704', '980'], lat: 35.23, lon: -80.84, tz: 'America/New_York', gmt: -5 },
  { name: 'Atlanta', region: 'GA', regionName: 'Georgia', zip3: '303', areaCodes: ['404', '678', '470'], lat: 33.75, lon: -84.39, tz: 'America/New_York', gmt: -5 },
  { name: 'Miami', region: 'FL', regionName: 'Florida', zip3: '331', areaCodes: ['305', '786'], lat: 25.76, lon: -80.19, tz: 'America/New_York', gmt: -5 },
  { name: 'Orlando', region: 'FL', regionName: 'Florida', zip3: '328', areaCodes: ['407', '321'], lat: 28.54, lon: -81.38, tz: 'America/New_York', gmt: -5 },
  { name: 'Tampa', region: 'FL', regionName: 'Florida', zip3: '336', areaCodes: ['813'], lat: 27.95, lon: -82.46, tz: 'America/New_York', gmt: -5 },
  { name: 'Nashville', region: 'TN', regionName: 'Tennessee', zip3: '372', areaCodes: ['615', '629'], lat: 36.16, lon: -86.78, tz: 'America/Chicago', gmt: -6 },
  { name: 'Chicago', region: 'IL', regionName: 'Illinois', zip3: '606', areaCodes: ['312', '773', '872'], lat: 41.88, lon: -87.63, tz: 'America/Chicago', gmt: -6 },
  { name: 'Detroit', region: 'MI', regionName: 'Michigan', zip3: '482', areaCodes: ['313'], lat: 42.33, lon: -83.05, tz: 'America/Detroit', gmt: -5 },
  { name: 'Columbus', region: 'OH', regionName: 'Ohio', zip3: '432', areaCodes: ['614', '380'], lat: 39.96, lon: -83.0, tz: 'America/New_York', gmt: -5 },
  { name: 'Cleveland', region: 'OH', regionName: 'Ohio', zip3: '441', areaCodes: ['216'], lat: 41.5, lon: -81.69, tz: 'America/New_York', gmt: -5 },
  { name: 'Indianapolis', region: 'IN', regionName: 'Indiana', zip3: '462', areaCodes: ['317', '463'], lat: 39.77, lon: -86.16, tz: 'America/Indiana/Indianapolis', gmt: -5 },
  { name: 'Milwaukee', region: 'WI', regionName: 'Wisconsin', zip3: '532', areaCodes: ['414'], lat: 43.04, lon: -87.91, tz: 'America/Chicago', gmt: -6 },
  { name: 'Minneapolis', region: 'MN', regionName: 'Minnesota', zip3: '554', areaCodes: ['612'], lat: 44.98, lon: -93.27, tz: 'America/Chicago', gmt: -6 },
  { name: 'St. Louis', region: 'MO', regionName: 'Missouri', zip3: '631', areaCodes: ['314'], lat: 38.63, lon: -90.2, tz: 'America/Chicago', gmt: -6 },
  { name: 'Kansas City', region: 'MO', regionName: 'Missouri', zip3: '641', areaCodes: ['816'], lat: 39.1, lon: -94.58, tz: 'America/Chicago', gmt: -6 },
  { name: 'Dallas', region: 'TX', regionName: 'Texas', zip3: '752', areaCodes: ['214', '469', '972'], lat: 32.78, lon: -96.8, tz: 'America/Chicago', gmt: -6 },
  { name: 'Houston', region: 'TX', regionName: 'Texas', zip3: '770', areaCodes: ['713', '281', '832'], lat: 29.76, lon: -95.37, tz: 'America/Chicago', gmt: -6 },
  { name: 'Austin', region: 'TX', regionName: 'Texas', zip3: '787', areaCodes: ['512', '737'], lat: 30.27, lon: -97.74, tz: 'America/Chicago', gmt: -6 },
  { name: 'San Antonio', region: 'TX', regionName: 'Texas', zip3: '782', areaCodes: ['210', '726'], lat: 29.42, lon: -98.49, tz: 'America/Chicago', gmt: -6 },
  { name: 'Denver', region: 'CO', regionName: 'Colorado', zip3: '802', areaCodes: ['303', '720'], lat: 39.74, lon: -104.99, tz: 'America/Denver', gmt: -7 },
  { name: 'Phoenix', region: 'AZ', regionName: 'Arizona', zip3: '850', areaCodes: ['602', '480', '623'], lat: 33.45, lon: -112.07, tz: 'America/Phoenix', gmt: -7 },
  { name: 'Salt Lake City', region: 'UT', regionName: 'Utah', zip3: '841', areaCodes: ['801', '385'], lat: 40.76, lon: -111.89, tz: 'America/Denver', gmt: -7 },
  { name: 'Las Vegas', region: 'NV', regionName: 'Nevada', zip3: '891', areaCodes: ['702', '725'], lat: 36.17, lon: -115.14, tz: 'America/Los_Angeles', gmt: -8 },
  { name: 'Los Angeles', region: 'CA', regionName: 'California', zip3: '900', areaCodes: ['213', '310', '323'], lat: 34.05, lon: -118.24, tz: 'America/Los_Angeles', gmt: -8 },
  { name: 'San Diego', region: 'CA', regionName: 'California', zip3: '921', areaCodes: ['619', '858'], lat: 32.72, lon: -117.16, tz: 'America/Los_Angeles', gmt: -8 },
  { name: 'San Francisco', region: 'CA', regionName: 'California', zip3: '941', areaCodes: ['415', '628'], lat: 37.77, lon: -122.42, tz: 'America/Los_Angeles', gmt: -8 },
  { name: 'San José', region: 'CA', regionName: 'California', zip3: '951', areaCodes: ['408', '669'], lat: 37.34, lon: -121.89, tz: 'America/Los_Angeles', gmt: -8 },
  { name: 'Sacramento', region: 'CA', regionName: 'California', zip3: '958', areaCodes: ['916', '279'], lat: 38.58, lon: -121.49, tz: 'America/Los_Angeles', gmt: -8 },
  { name: 'Seattle', region: 'WA', regionName: 'Washington', zip3: '981', areaCodes: ['206'], lat: 47.61, lon: -122.33, tz: 'America/Los_Angeles', gmt: -8 },
]

export const personalDomains = [
  ['gmail.com', 40], ['yahoo.com', 14], ['hotmail.com', 9], ['outlook.com', 8], ['icloud.com', 8],
  ['aol.com', 4], ['comcast.net', 3], ['protonmail.com', 2], ['me.com', 2], ['msn.com', 2], ['googlemail.com', 1],
] as const

export const companies = [
  'Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Industries', 'Wayne Enterprises', 'Hooli', 'Vandelay Industries',
  'Pied Piper', 'Soylent Foods', 'Wonka Confections', 'Cyberdyne Systems', 'Tyrell Corporation', 'Gringotts Bank', 'Oscorp',
  'Dunder Mifflin', 'Blue Sun', 'Monarch Solutions', 'Massive Dynamic', 'Prestige Worldwide', 'Bluth Company', 'Sterling Cooper',
  'Aperture Labs', 'Black Mesa Research', 'Nakatomi Trading', 'Gekko & Co', 'Krusty Krab', 'Los Pollos Hermanos', 'Wernham Hogg',
  'Northwind Traders', 'Contoso', 'Fabrikam', 'Tailspin Toys', 'Adventure Works', 'Litware', 'Proseware', 'Woodgrove Bank',
] as const

export const products = [
  ['Organic Cotton Tee', 'TEE-ORG', 28], ['Merino Beanie', 'BEA-MER', 35], ['Canvas Tote Bag', 'TOT-CAN', 22],
  ['Ceramic Pour-Over Set', 'POU-CER', 64], ['Cold Brew Coffee 1lb', 'COF-CB1', 18], ['Bamboo Toothbrush 4-pack', 'BRU-BAM', 12],
  ['Linen Apron', 'APR-LIN', 42], ['Wool Socks (2 pairs)', 'SOC-WOL', 24], ['Leather Card Wallet', 'WAL-LEA', 55],
  ['Soy Candle - Fig', 'CAN-FIG', 26], ['Stainless Water Bottle', 'BOT-STS', 32], ['Recycled Notebook A5', 'NOT-A5R', 14],
  ['Gift Card', 'GIFT', 50], ['Hemp Hoodie', 'HOO-HMP', 78], ['Reusable Beeswax Wraps', 'WRP-BEE', 19],
] as const
