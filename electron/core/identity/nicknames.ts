import { damerauLevenshtein } from './text'

/**
 * Common English given names and their diminutives, as data: each line is one group of names that can
 * stand for the same person. A name may sit in several groups ("al" is Albert, Alan, Alfred...).
 * Matching treats two first names as nicknames of each other when they share a group.
 */
const GROUPS = `
abigail abby abbie gail
abraham abe bram
adelaide addie adela della heidi
agnes aggie nessa
albert al bert bertie
alan al allan allen alun
alfred al alf alfie fred freddie
alexander alex alec alexis sandy xander lex
alexandra alex alexa sandra sandy lexi sasha
alexis lexi lex
alice allie ally alicia
amanda mandy manda
andrew andy drew
angela angie angelina
anne ann annie anna nancy nan hannah
anthony tony antony
arthur art artie
barbara barb barbie babs
benjamin ben benny benji
bernard bernie barney
beatrice bea trixie
bradley brad
bridget biddy bridie
carol carrie caroline carolyn lina
catherine kate katie kathy cathy cat kathryn katherine kathleen kat kitty kay katy
charles charlie chuck chas chaz carl
charlotte lottie charlie lotte
christina chris tina christine kristina kristin kris chrissy
christopher chris kit topher
clarence clare
cornelius neil connie
cynthia cindy
daniel dan danny
david dave davey davy
deborah debbie deb debra
dennis denny
diana di diane dianne
dominic dom
donald don donny
dorothy dot dottie dolly dora
douglas doug
edward ed eddie ted teddy ned edwin
edmund ed eddie ned ted
eleanor ellie nell nellie elle nora leonora
elizabeth liz lizzie beth betty bess bessie eliza lisa libby betsy elisa elise lizbeth
emily em emmy millie
emma em emmy
eugene gene
evelyn eve evie
frances fran frankie fanny
francis frank frankie fran
frederick fred freddie freddy fritz
gabriel gabe gabby
geoffrey geoff jeff jeffrey
gerald gerry jerry
geraldine gerry jerri
gertrude gertie trudy
gregory greg
gwendolyn gwen wendy
harold hal harry
harriet hattie harry
helen nell nellie ellen lena
henry harry hank hal
herbert herb bert
howard howie
isabel isabelle bella izzy isabella belle
jacob jake jack
jacqueline jackie jacqui
james jim jimmy jamie jimmie
jane janie jenny jennie
janet jan jenny
jennifer jen jenny jenn jennie
jessica jess jessie
joan joanie jo
joanna jo joanne
john jack johnny jon jonny
jonathan jon jonny nathan
joseph joe joey jo
josephine jo josie
joshua josh
judith judy jude
julia julie jules
kenneth ken kenny
kimberly kim kimmy
lawrence larry laurie lawrie laurence
leonard len lenny leo
leslie les
louis lou louie lewis
louise lou lulu louisa
lucy lu lucia lucille
margaret maggie meg peggy marge margie greta maisie madge molly daisy rita peg mags
marjorie marge margie
martha marty mattie patty
martin marty
mary molly polly mae may mamie maria marie mimi
matilda tilly mattie maud
matthew matt matty
maureen mo
megan meg
melissa mel missy lissa
natalie nat nattie
melanie mel
michael mike mick mickey micky mikey
michelle shelly michele
mildred millie
miriam mimi
nathaniel nat nate nathan
nicholas nick nicky nico
nicole nicky nikki
norman norm
oliver ollie
olivia liv livvy ollie
pamela pam
patricia pat patty tricia trish patsy
patrick pat paddy rick
paul paulie
penelope penny
peter pete
philip phil pip phillip
phillippa pippa pip
rachel rach shelley
raymond ray
rebecca becky becca
richard rick dick rich ricky richie dickie
robert bob rob bobby robbie bert robin
roberta bobbie robbie berta
rodney rod
roger rog
ronald ron ronnie
rosemary rose rosie
rosalind ros roz
samuel sam sammy
stephanie steph stevie stephie
samantha sam sammy
sarah sara sally sadie
sebastian seb
sharon shari
sophia sophie
stanley stan
stephen steve stevie steven stephan
susan sue susie suzy suzanne susanna
teresa terry terri tess tessa theresa tessie
terence terry
theodore ted teddy theo
thomas tom tommy
timothy tim timmy
valerie val
veronica ronnie vera
victor vic
victoria vicky tori vicki
vincent vince vinny
virginia ginny ginger
walter walt wally
william will bill billy willy liam willie
winifred winnie freda
yvonne vonnie
zachary zach zack
`

/**
 * Common US and UK given names (SSA and ONS rankings) with no diminutive in the groups above, or that are
 * diminutives only by accident of spelling. Known names are never read as a typo of a nickname: Linda is one letter from Lina
 * (Carolyn), Jean from Jen (Jennifer), and each is a different woman, often in the same household.
 */
const OTHER_NAMES = new Set(`
aaron adam amber andrea angela anna ashley austin beverly brandon brenda brian brittany bruce bryan carl charlotte
cheryl christian christina cynthia dana danielle dawn denise dennis diana diane donna doris douglas dylan
elijah emily emma eric ethan evelyn gary gloria grace harold heather helen henry isabella jacqueline jason jean
jeremy jesse joan jordan joyce julie justin karen kayla keith kelly kevin kyle laura lauren lawrence linda lisa
logan lori louis madison marie marilyn martha megan melanie noah nicole olivia paula ralph randy raymond roger
roy ruth ryan sara sarah scott sean sharon shirley sophia tammy tara tiffany tyler wayne
amelia ava mia isla ella lily freya poppy evie sophie ruby phoebe chloe holly millie daisy maisie imogen scarlett
harper layla erin oscar harry leo archie theo finley reuben harrison mason lucas max
mark paul steven kenneth joshua jeffrey gregory jerry walter peter terry gerald keith samuel willie jonathan nicholas
brandon ernest todd craig shawn earl antonio luis stanley nathan dale manuel rodney curtis marvin vincent glenn
travis chad jacob melvin kyle herbert joel troy barry marcus miguel calvin wesley derek warren darrell jerome floyd
alvin gordon dean jorge dustin pedro derrick zachary corey herman maurice vernon roberto clyde hector shane ricardo
lester brent ramon gilbert marc reginald ruben brett nathaniel rafael edgar milton raul chester cecil duane andre
elmer gabriel mitchell roland arnold harvey jared adrian karl cory claude erik darryl javier fernando clinton tyrone
darren lonnie lance cody julio kurt nelson clayton hugh dwayne dwight armando felix everett ian wallace ivan isaac
morris sidney byron julian marshall salvador perry kirk sergio seth kent terrance rene eduardo enrique wade
melissa michelle amy stephanie rebecca virginia janet joyce alice teresa theresa doris mildred judith judy janice
irene jacqueline wanda bonnie julia lois phyllis norma robin peggy crystal gladys rita tracy edna carmen rosa wendy
edith sherry sylvia thelma shannon sheila ethel elaine marjorie monica esther pauline juanita anita rhonda hazel eva
april leslie clara lucille joann lorraine lynn regina erica dolores bernice audrey yvonne annette june samantha
marion stacy ana renee ida vivian roberta brittany loretta yolanda jeanette kristen vanessa alma sue elsie jeanne
`.trim().split(/\s+/))

let index: Map<string, number[]> | undefined
let members: string[][] | undefined

function build(): Map<string, number[]> {
  const map = new Map<string, number[]>()
  members = []
  GROUPS.trim().split('\n').forEach((line, group) => {
    const names = line.trim().split(/\s+/)
    members!.push(names)
    for (const name of names) {
      const list = map.get(name)
      if (list) list.push(group)
      else map.set(name, [group])
    }
  })
  return map
}

/** True when a folded first name is a name of its own: in a nickname group or in OTHER_NAMES. */
export function isKnownName(folded: string): boolean {
  index ??= build()
  return index.has(folded) || OTHER_NAMES.has(folded)
}

/**
 * True when two different known first names are two people's names, not one name typed two ways: Mary and
 * Gary, Mark and Mary, Patricia and Patrick, Paul and Paula. They look like a one-letter typo to an edit
 * distance, yet a household is exactly where both appear. Names that are nicknames of each other, and
 * spellings of one sound (Brian and Bryan, Sara and Sarah, Jon and John) and names one letter longer than
 * the other (a dropped letter) are not, unless one is the other with a feminine ending (Paul and Paula,
 * Louis and Louise, Robert and Roberta).
 */
export function distinctKnownNames(a: string, b: string, metaA: string, metaB: string): boolean {
  if (a === b || !isKnownName(a) || !isKnownName(b) || areNicknames(a, b)) return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (long.startsWith(short) && FEMININE_ENDINGS.has(long.slice(short.length))) return true
  if (metaA !== '' && metaA === metaB) return false
  // A letter dropped or doubled is the commonest typo and lands on another name often enough (Mary typed
  // Marty, Linda typed Lina): only a changed letter, or more, says "another name".
  return !(long.length === short.length + 1 && damerauLevenshtein(a, b, 1) <= 1)
}

const FEMININE_ENDINGS = new Set(['a', 'e', 'ine', 'ette', 'ina'])

/** The nickname groups a folded first name belongs to (empty when it is in none). */
export function nicknameGroups(folded: string): readonly number[] {
  index ??= build()
  return index.get(folded) ?? []
}

/** True when two different folded first names are known diminutives of each other (Bill/William, Peggy/Margaret). */
export function areNicknames(a: string, b: string): boolean {
  if (!a || !b || a === b) return false
  const ga = nicknameGroups(a)
  if (ga.length === 0) return false
  const gb = nicknameGroups(b)
  return ga.some((g) => gb.includes(g))
}

/**
 * True when one folded first name is a known diminutive of the other with one typing error (Syusie for Susan,
 * Jikm for James through Jim). Only for a typed name of 4+ letters that keeps the nickname's first letter and
 * is not itself a known name: shorter names are one edit away from too many others (Kim is one edit from Jim).
 */
export function nicknameWithTypo(a: string, b: string): boolean {
  return typoOfNickname(a, b) || typoOfNickname(b, a)
}

/** True when `typed` is one edit away from a name in a nickname group of `known` (other than `typed` itself). */
function typoOfNickname(known: string, typed: string): boolean {
  if (typed.length < 4) return false
  index ??= build()
  // A name of its own is no typo (see OTHER_NAMES).
  if (index.has(typed) || OTHER_NAMES.has(typed)) return false
  for (const g of nicknameGroups(known)) {
    for (const name of members![g]!) {
      if (name !== typed && name[0] === typed[0] && Math.abs(name.length - typed.length) <= 1 && damerauLevenshtein(name, typed, 1) <= 1) return true
    }
  }
  return false
}
