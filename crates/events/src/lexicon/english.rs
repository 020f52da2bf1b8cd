//! English trigger lexicon, grouped by PLOVER type and mode (CAMEO/PLOVER dictionary verbs and
//! nouns). Syntax, one group a line: `TYPE mode [disruption] : item; item; ...` where `mode`
//! is `-` for none and an item is
//! - `v lemma [word ...]`: a verb, inflected (-s, -ed, -ing), with the exact words that follow
//!   it (up to two words may come between: "opened heavy fire");
//! - `v< lemma ...`: a verb whose subject receives the act ("Mexico received aid");
//! - `n [word ...] lemma`: a noun phrase, its last word with its plural;
//! - `x form`, `xv form`: one exact form (noun, verb);
//! - `| form ...`: irregular forms of the head; `+ prefix ...`: some word of the sentence must
//!   start with one of these (an object or a cue that settles a sense).

pub(crate) const LEXICON: &str = r"
AGREE - : v agree | agreed ; n agreement ; n accord ; n treaty ; n pact ; n memorandum of understanding
AGREE - : v sign | signed signing + agreement accord treaty pact deal memorand declaration contract
AGREE - : n deal + sign reach reached struck clinch seal agree
AGREE - : v accept + proposal offer plan terms deal agreement invitation formula conditions refugee
AGREE - intent : v promise ; v pledge ; n pledge ; v offer + to ; v commit + to
THREATEN - intent : v vow ; v swear | swore sworn
CONCEDE - : v accept + demand ; v accede ; v allow + to ; v call off | called calling ; v forgive
AGREE - : v settle ; n settlement + reach agreed
AGREE - : n ceasefire ; n cease-fire ; n truce ; n armistice
AGREE - : v merge ; n merger ; v acquire ; n acquisition ; n takeover
CONSULT - : v meet | met ; n meeting ; n talks ; v discuss ; n discussion ; v consult ; n consultation ; n summit ; v confer ; v hold talks | held
CONSULT phone : n phone call ; n telephone call ; n video call ; v telephone ; v speak | spoke + phone telephone call
CONSULT - : v negotiate ; n negotiation ; n negotiator
CONSULT visit : v visit ; n visit ; v host + delegation president minister leader counterpart ; v travel + to ; v arrive + visit for
CONSULT third-party : v mediate ; n mediation ; n mediator ; v broker
SUPPORT - : v apologize ; v apologise ; n apology ; v forgive ; v normalize + relation ties ; v restore + relation ties ; v upgrade + relation ties ; v establish + relation ties ; v recognize + independence government state ; v support ; n support ; v endorse ; n endorsement ; v praise ; v welcome ; v commend ; v applaud ; v back | backed backing ; v defend ; v congratulate ; n solidarity ; v hail ; v thank ; v laud ; v champion
CONCEDE - : v concede ; n concession ; v yield ; v relent ; v ease + restriction sanction curb rule measure ; v lift + ban sanction curfew restriction embargo emergency ; v back down ; v give in | gave given ; v retract ; v compromise ; v reverse + decision policy ; v drop + charge demand plan
RETREAT release : v release + prisoner hostage detainee captive soldier ; v free + prisoner hostage detainee captive ; n release + prisoner hostage detainee captive ; v pardon ; n amnesty ; v exchange + prisoner
RETREAT resign : v resign ; n resignation ; v step down | stepped stepping
COOPERATE - : v cooperate ; n cooperation ; v collaborate ; n collaboration ; v coordinate ; n coordination ; n partnership ; n alliance
COOPERATE - : v share + intelligence information data
COOPERATE - : n joint patrol ; n joint operation ; n joint exercise ; n joint military exercise ; n joint force
COOPERATE - : v extradite ; n extradition
AID - : v give | gave given giving + aid assistance food medicine supplies fund grant loan money dollars ; v aid ; n aid ; n assistance ; v assist ; v help ; n relief + humanitarian aid flood earthquake victim displaced refugee ; v donate ; n donation ; v provide | provided + aid assistance information intelligence support food equipment weapons arms fund supplies shelter ; v deliver + aid assistance food supplies medicine water ; v send | sent + aid assistance supplies food medicine arms weapons equipment ; v hand over | handed + aid medicine food supplies equipment ; n funding ; v fund ; v grant + aid loan asylum fund ; n loan
AID - : v< receive + aid assistance package intelligence information support weapons arms supplies fund loan
AID humanitarian : v hand out + food meal rice maize flour aid ration blanket supplies tent water ; v distribute + food meal rice maize flour aid ration blanket supplies tent water ; n food aid ; n food assistance ; n humanitarian aid ; n humanitarian assistance ; n relief supplies
AID humanitarian : n medical aid ; n medical assistance
AID military : n military aid ; n military assistance ; n arms shipment ; n weapons package
AID economic : n economic aid ; n financial aid ; n budget support
RETREAT withdraw : v surrender ; v lift + blockade siege ; v withdraw | withdrew withdrawn ; n withdrawal ; v retreat ; v pull out | pulled ; v pull back | pulled ; v evacuate + troops forces soldiers settlement positions base
RETREAT disarm : v disarm ; n disarmament ; v demobilize ; v demobilise ; n demobilization ; v lay down + arms weapons | laid
REQUEST - : xv must ; v pressure + to into ; v pressurize ; v push + for ; v request ; n request ; v ask ; v urge ; v demand ; n demand ; v call for | called calling ; v call on | called calling ; v call upon | called ; v appeal ; n appeal + for ; v plead | pled ; v petition ; v press + for to ; v seek | sought ; v implore ; n ultimatum + demand
ACCUSE - : v accuse ; n accusation ; v blame ; v allege
ACCUSE disapprove : v lodge protest | lodged ; v criticize ; v criticise ; n criticism ; v condemn ; n condemnation ; v denounce ; n denunciation ; v censure ; v rebuke ; v deplore ; v decry ; v slam + government decision move ; v fault ; v complain ; n complaint
ACCUSE investigate : v investigate ; n investigation + open opened launch launched into ; n inquiry + open opened launch launched into ; n probe + open opened launch launched into
ACCUSE allege : v charge + with ; v indict ; n indictment ; v sue ; n lawsuit ; v prosecute ; n prosecution ; v file + lawsuit suit complaint charge appeal petition ; v appeal + ruling verdict decision sentence court tribunal ; n legal action
REJECT - : v decline + to ; v renege ; v fail + to ; v reject ; n rejection ; v refuse ; n refusal ; v dismiss ; v veto ; v oppose ; v rebuff ; v defy ; v turn down | turned ; v rule out | ruled ; v spurn
THREATEN - : v threaten ; n threat ; v warn + of that ; n warning + of that ; n ultimatum
PROTEST demo : v gather | gathered + outside protest demand against chant ; v protest ; n protest ; n protester ; n protestor ; v demonstrate ; n demonstration ; n demonstrator ; n rally ; v rally ; v march + on through to in against ; n march + on through to in against ; n sit-in ; v take to the streets | took taken
PROTEST hunger : n hunger strike ; n hunger striker ; v refuse + meal food
PROTEST strike : n strike + worker union labor labour general national teacher driver staff employee walk ; v go on strike | went gone ; n walkout ; v walk out | walked ; v walk off | walked + job work ; n work stoppage ; n stoppage ; v strike + worker union teacher staff employee pay wage
PROTEST riot : v riot ; n riot ; n rioter ; n unrest ; n violent protest ; n violent demonstration
PROTEST obstruct : n blockade + protest road highway worker farmer resident truck ; v blockade ; v block + road highway motorway expressway avenue railway street bridge access route border crossing protest traffic transport entrance ; n roadblock + protest
SANCTION - : v sanction ; n sanction ; n embargo ; n tariff ; v blacklist
SANCTION expel : v expel + diplomat ambassador envoy mission
SANCTION discontinue : v sever + ties relation ; v cut + ties relation ; v suspend + ties relation trade cooperation aid
SANCTION withdraw : v recall + ambassador envoy
SANCTION - : v ban ; n ban ; v suspend + from member official president chief licence license ; n suspension + from ; v bar + from
SANCTION discontinue : v freeze | froze frozen + asset account fund ; n asset freeze
PROTEST boycott : v boycott ; n boycott
SANCTION convict : v fine + million dollar euro pound ; n penalty ; v convict ; n conviction ; v sentence + prison jail year
MOBILIZE troops : n alert + on high maximum state ; v patrol ; n patrol ; v reinforce + troops forces presence positions ; v strengthen + forces troops presence ; v deploy ; n deployment ; v mobilize ; v mobilise ; n mobilization ; n mobilisation ; n reinforcement ; v dispatch + troops soldier police forces officer unit ; v send | sent + troops soldier forces officers police units warship ; v station + troops soldier ; n call-up + reservist troop soldier ; v call up | called calling + reservist reserve ; n troop buildup ; n military buildup ; v put + alert
COERCE arrest : v arrest ; n arrest ; v apprehend ; v capture + suspect leader member commander ; n capture + of ; n custody
COERCE arrest : v detain ; n detention ; v imprison ; n imprisonment ; v jail ; v hold | held + custody hostage captive incommunicado
COERCE seize : v intercept + cocaine drug boat vessel shipment cargo weapon arm ammunition ; v demolish ; n demolition ; v bulldoze ; v evict ; n eviction ; v seize ; n seizure ; v confiscate ; n confiscation ; v impound ; v expropriate ; v nationalize ; v nationalise
COERCE - : v raid ; n raid ; n search warrant
COERCE restrict : v ban + motorbike motorcycle vehicle gathering protest demonstration rally assembly movement ; v outlaw ; v prevent + demonstration protest march rally meeting ; v force out | forced ; v shut down + border newspaper outlet station media
COERCE cyber : v hack
COERCE curfew : n curfew
COERCE martial-law : n state of siege ; n state of emergency ; n martial law
COERCE deport : v deport ; n deportation ; v expel + migrant migrants foreigner national
COERCE censor : v censor ; n censorship
COERCE withhold : v shut down + internet ; v cut + internet ; n internet shutdown ; n internet blackout ; v cut off + internet water power electricity supplies
ASSAULT crowd-control : v pepper-spray ; n pepper spray ; n pepper-spray ; n pepper ball ; n pepper-ball ; n pepperball ; n tear gas ; n teargas ; n tear-gas ; n water cannon ; v disperse + protest crowd demonstrat march rally ; n rubber bullet ; n baton charge ; v baton-charge ; v lathi-charge ; n lathi-charge ; n lathi charge ; n lathicharge ; n police firing
COERCE restrict disruption : v suspend + flight airport service class school train operation road traffic port ; v cancel + flight service class train ; v close + airport road highway school border port station market crossing bridge ; n closure + airport road highway school border port ; v shut + airport road highway school port ; v halt + flight traffic train operation service ; v disrupt ; n disruption ; n outage ; n blackout ; n power cut ; v divert + flight ; v ground + flight plane aircraft ; v strand + passenger traveller traveler
ASSAULT - : v attack ; n attack ; n assault ; v assault ; v kill | killed ; n killing ; v murder ; n murder ; v ambush ; n ambush ; v clash ; n clash ; v fight | fought + forces rebel army troops militant police gang insurgent soldier group ; n fighting ; n battle ; n combat + killed died fighting troops ; v massacre ; n massacre ; v wound ; v injure ; v execute ; n execution + summary extrajudicial ; v lynch ; v torture ; n torture ; n violence + armed deadly killed ; v< die | died dying dead + injur wound shot gunshot attack clash operation fighting violence ambush explosion bomb gunmen gunfire kill fire ; n deadly attack ; v invade ; n invasion ; n offensive ; n casualty
ASSAULT firearms : v shoot | shot shooting ; n shooting ; n gunfire ; v open fire | opened opening ; n shootout ; n gunfight ; n firefight ; n armed clash ; n gun battle ; v gun down | gunned
ASSAULT explosives : v bomb ; n bomb ; n bombing ; n explosion ; n blast ; n car bomb ; n grenade ; n roadside bomb ; v detonate ; n improvised explosive device
ASSAULT suicide-attack : n suicide bombing ; n suicide attack ; n suicide car bomb ; v blow himself up | blew blown ; v blow herself up | blew blown
ASSAULT beat : v lynch ; n lynching ; n lynch mob
ASSAULT aerial : n airstrike ; n air strike ; n air raid ; n aerial bombardment ; n bombardment
ASSAULT drone : n drone strike ; n drone attack
ASSAULT heavy-weapons : v shell ; n shelling ; n artillery fire ; n mortar ; n rocket attack ; n missile attack ; n missile strike
ASSAULT targeted : v assassinate ; n assassination
ASSAULT abduct : v kidnap ; n kidnapping ; v abduct ; n abduction ; v take hostage | took taken ; n hostage + took taken seized held
ASSAULT destroy : v torch ; v set fire | set setting ; v set on fire | set ; n arson ; v burn + house home vehicle car bus building village shop
ASSAULT destroy : v destroy + house home building village vehicle infrastructure ; v loot ; n looting ; v ransack
PROTEST vandalize : v vandalize ; n vandalism
ASSAULT destroy : v sabotage ; n sabotage
ASSAULT beat : v beat | beat beaten ; n beating ; v stab ; n stabbing ; v assaulted
";
