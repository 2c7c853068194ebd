"""Invented climate action-plan content with known truth, for the layout generator.

Every sentence here was written for these tests: a fictional district council's plan, in the vocabulary UK
councils use (heat decarbonisation, LCWIP routes, ECO4, Simpler Recycling, natural flood management ...).
The generator samples actions from ACTIONS, numbers them in its own id style and renders them; the values
below are the truth a reader must recover.

An action: section (index into SECTIONS), action text, lead, partners (a list of bodies), start and end
as (year, month) with end None for ongoing work, rag (green, amber/green, amber, red, blue = complete),
and the latest update ("" when the plan has none).
"""

SECTIONS = [
    # (name, id prefix)
    ("Council buildings and operations", "CO"),
    ("Transport and travel", "TR"),
    ("Homes and communities", "HC"),
    ("Nature and green spaces", "NG"),
    ("Waste and resources", "WR"),
    ("Energy and resilience", "ER"),
]


def _a(section, action, lead, partners, start, end, rag, update):
    return {"section": section, "action": action, "lead": lead, "partners": partners,
            "start": start, "end": end, "rag": rag, "update": update}


ACTIONS = [
    # Council buildings and operations
    _a(0, "Complete heat decarbonisation plans for the civic offices, the main depot and both leisure centres, "
          "setting out the order in which gas boilers will be replaced.",
       "Estates & Facilities", ["Salix Finance", "Leisure operator"], (2024, 10), (2026, 3), "green",
       "Plans for the civic offices and depot signed off in May; leisure centre surveys booked for the autumn."),
    _a(0, "Replace the gas boilers at the civic offices with air source heat pumps and upgrade the loft and "
          "cavity wall insulation.",
       "Estates & Facilities", ["Public Sector Decarbonisation Scheme"], (2025, 4), (2027, 3), "amber",
       "Grid connection quote higher than expected; options for a phased install are being costed."),
    _a(0, "Switch all council electricity contracts to a certified renewable tariff at the next renewal.",
       "Procurement", ["Regional energy buying consortium"], (2025, 4), (2025, 9), "blue",
       "Renewable tariff in place for all 74 supply points since 1 April."),
    _a(0, "Fit LED lighting and presence sensors in the remaining council car parks and public toilets.",
       "Estates & Facilities", [], (2025, 7), (2026, 12), "green", ""),
    _a(0, "Publish an annual greenhouse gas report for the council's own operations, covering scopes 1 and 2 "
          "and the main scope 3 sources.",
       "Sustainability Team", ["Carbon Trust"], (2024, 4), None, "green",
       "The 2024/25 report went to Cabinet in September; emissions are down 9% on the previous year."),
    _a(0, "Add climate impact questions to the committee report template so that every decision records its "
          "likely effect on emissions.",
       "Democratic Services", ["Legal Services", "Sustainability Team"], (2025, 1), (2025, 12), "red",
       "Template drafted but not yet agreed by the Monitoring Officer; now expected early in 2026."),
    _a(0, "Offer Carbon Literacy training to all councillors and senior managers, with a target of 150 "
          "people certified by 2027.",
       "Organisational Development", ["Carbon Literacy Trust", "neighbouring district councils"],
       (2024, 9), (2027, 3), "amber/green",
       "96 staff and 21 councillors certified so far; the spring cohort is fully booked."),

    # Transport and travel
    _a(1, "Replace diesel pool cars with fully electric vehicles as each lease ends, and install charging at "
          "the depot.",
       "Fleet Services", ["Lease provider"], (2024, 4), (2027, 3), "green",
       "11 of 16 pool cars are now electric; the depot chargers were commissioned in March."),
    _a(1, "Trial hydrotreated vegetable oil (HVO) in two refuse collection vehicles and report on cost, "
          "reliability and emissions.",
       "Fleet Services", ["Fuel supplier", "Waste contractor"], (2025, 6), (2026, 6), "amber",
       "Trial started late because of a bunker tank delay; three months of data collected so far."),
    _a(1, "Install public EV charge points in at least 12 council-owned car parks, prioritising towns with "
          "little off-street parking.",
       "Parking Services", ["County Council", "chargepoint operator"], (2025, 4), (2028, 3), "amber",
       "LEVI funding confirmed; procurement of an operator is under way, with the award due in January."),
    _a(1, "Work with the county council to deliver the Local Cycling and Walking Infrastructure Plan routes "
          "between the station and the town centre.",
       "Planning Policy", ["County Council", "Sustrans", "Active Travel England"], (2025, 4), (2030, 3),
       "green", "Detailed design of route 1 is complete; consultation on route 2 closes in November."),
    _a(1, "Introduce a salary sacrifice scheme for electric cars and e-bikes and promote it to all staff.",
       "HR & Payroll", ["Scheme provider"], (2025, 1), (2025, 9), "blue",
       "Scheme launched in June; 34 staff signed up in the first three months."),
    _a(1, "Update the staff travel policy to make rail the default for business journeys over 50 miles and "
          "cut grey fleet mileage by 20%.",
       "HR & Payroll", ["Sustainability Team"], (2025, 10), (2026, 9), "red",
       "Policy review paused during the senior management restructure."),
    _a(1, "Require licensed taxi and private hire vehicles to be ultra low emission by 2030, on a phased "
          "timetable agreed with the trade.",
       "Licensing", ["Taxi trade association"], (2025, 4), (2030, 3), "amber",
       "Consultation responses were mixed; the report to Licensing Committee is deferred to March."),

    # Homes and communities
    _a(2, "Retrofit the council-owned homes with the lowest energy ratings, using external wall insulation, "
          "new windows and heat pumps.",
       "Housing Services", ["Warm Homes: Social Housing Fund", "contractor framework"], (2024, 4), (2028, 3),
       "green", "Works finished on 58 homes this year; tenant satisfaction is at 91%."),
    _a(2, "Help households in fuel poverty to apply for home upgrade grants and ECO4 funding, with a single "
          "point of contact at the council.",
       "Private Sector Housing", ["Energy Saving Trust", "local Citizens Advice"], (2024, 4), None,
       "amber/green", "Referrals are up, but installer capacity in the district limits the number of "
                      "completed jobs."),
    _a(2, "Use minimum energy efficiency standards enforcement to bring privately rented homes rated F and G "
          "up to at least band E.",
       "Environmental Health", ["Landlord forum"], (2025, 4), (2027, 3), "amber",
       "43 landlords contacted; 12 compliance notices served and two penalties issued."),
    _a(2, "Set up a community climate fund of £50,000 a year for local groups running energy, food or "
          "travel projects.",
       "Communities Team", ["Community foundation", "parish and town councils"], (2025, 4), (2028, 3),
       "green", "The first round awarded £48,200 to 14 projects, including two repair cafés."),
    _a(2, "Run a \"Warm Spaces, Cool Homes\" advice campaign each winter and summer for older residents "
          "and families with young children.",
       "Communications", ["Age UK", "health visitors", "libraries"], (2024, 10), None, "green", ""),
    _a(2, "Support parish and town councils to prepare local climate action plans, with a simple template "
          "and officer drop-in sessions.",
       "Communities Team", ["parish and town councils", "Rural Community Council"], (2025, 9), (2027, 3),
       "amber", "Template published; eight of the 31 parishes have started a plan."),
    _a(2, "Hold a citizens’ panel on climate and report its recommendations to full council.",
       "Policy & Partnerships", ["University", "independent facilitator"], (2025, 1), (2025, 12), "blue",
       "The panel met over four weekends; its recommendations were reported to council in October."),

    # Nature and green spaces
    _a(3, "Plant 20,000 trees on council land by 2030, choosing sites with the community and favouring "
          "native broadleaf species.",
       "Parks & Open Spaces", ["Woodland Trust", "volunteer tree wardens"], (2024, 11), (2030, 3), "green",
       "6,400 trees planted this season across nine sites, with a survival rate of 88%."),
    _a(3, "Change the mowing regime on road verges and in parks to create at least 30 hectares of "
          "wildflower meadow.",
       "Parks & Open Spaces", ["County Council highways", "Wildlife Trust"], (2025, 3), (2026, 10), "green",
       "Cut-and-collect trial on 12 hectares; public feedback has been largely positive."),
    _a(3, "Contribute to the Local Nature Recovery Strategy by identifying priority habitats and "
          "opportunities for biodiversity net gain.",
       "Planning Policy", ["County Council", "Natural England", "Wildlife Trust"], (2025, 4), (2026, 3),
       "amber", "Habitat mapping is delayed while the county waits for updated national guidance."),
    _a(3, "Work with landowners and the Environment Agency on natural flood management schemes in the upper "
          "river catchment.",
       "Drainage & Flood Risk", ["Environment Agency", "Rivers Trust", "landowners"], (2025, 4), (2029, 3),
       "amber/green", "Leaky dams installed at three sites; the monitoring gauges are now reporting."),
    _a(3, "Carry out a tree canopy survey of the main towns and set a canopy cover target in the next Local "
          "Plan.",
       "Planning Policy", ["University"], (2026, 1), (2026, 12), "red",
       "The survey contract has not been let because of a budget pressure; a bid has gone to the climate "
       "reserve."),
    _a(3, "Review council-owned farm tenancies to encourage hedgerow restoration and better soil carbon.",
       "Property Services", ["farming advisers", "tenant farmers"], (2026, 4), (2028, 3), "amber", ""),
    _a(3, "Create pocket parks and rain gardens on three housing estates to reduce surface water flooding "
          "and summer heat.",
       "Housing Services", ["residents’ associations", "Rivers Trust"], (2025, 4), (2027, 3), "green",
       "The first rain garden is built at Mill Lane; two more have been designed with residents."),

    # Waste and resources
    _a(4, "Introduce weekly food waste collections for all households, in line with the national Simpler "
          "Recycling requirements.",
       "Waste & Recycling", ["collection contractor", "County Council"], (2025, 10), (2026, 3), "amber",
       "Caddies ordered; crew recruitment is behind schedule for the March start."),
    _a(4, "Reduce single-use plastics in council buildings and at council-run events, with a guide for event "
          "organisers.",
       "Sustainability Team", ["events team", "catering supplier"], (2024, 6), (2025, 6), "blue",
       "Guide published and used at all summer events."),
    _a(4, "Raise the household recycling rate to 55% by 2028 through targeted communications and bin "
          "hangers on low-performing rounds.",
       "Waste & Recycling", ["Communications"], (2025, 4), (2028, 3), "amber",
       "The rate rose to 47.8% in 2024/25; a contamination campaign is running on four rounds."),
    _a(4, "Open a reuse shop at the household waste recycling centre, run with a local charity.",
       "Waste & Recycling", ["County Council", "furniture reuse charity"], (2026, 4), (2027, 3), "green",
       "Site layout agreed; the lease with the charity is being drafted."),
    _a(4, "Include whole-life carbon and circular economy criteria when procuring contracts worth more than "
          "£100,000.",
       "Procurement", ["Legal Services"], (2025, 4), (2026, 3), "amber/green",
       "Criteria in use for works contracts; services contracts will follow."),
    _a(4, "Tackle fly-tipping hotspots with cameras, clearance and education, and publish enforcement "
          "figures every quarter.",
       "Environmental Health", ["Police", "landowners"], (2024, 4), None, "green",
       "132 fixed penalty notices issued in the year; the hotspot list is reviewed each quarter."),
    _a(4, "Move to paperless billing and committee papers by default, keeping paper copies for those who "
          "need them.",
       "Digital Services", ["Revenues & Benefits"], (2025, 1), (2026, 3), "red",
       "The software upgrade failed testing; a supplier fix is expected in the new year."),

    # Energy and resilience
    _a(5, "Install solar PV on suitable council roofs, starting with the depot, the museum and both leisure "
          "centres.",
       "Estates & Facilities", ["community energy group"], (2025, 4), (2027, 3), "green",
       "The depot array (180 kWp) has been live since July; leisure centre designs are at planning stage."),
    _a(5, "Explore a council-led solar farm on the closed landfill site, covering grid capacity, ecology and "
          "a business case.",
       "Economic Development", ["distribution network operator", "specialist consultants"], (2025, 9),
       (2027, 9), "amber",
       "The grid study shows no connection is possible before 2029; an options report is due in spring."),
    _a(5, "Adopt planning policy requiring new homes to be built to net zero carbon standards and major "
          "developments to submit energy statements.",
       "Planning Policy", ["developers’ forum"], (2024, 4), (2026, 12), "amber",
       "Examination hearings have concluded; the inspector’s report is expected shortly."),
    _a(5, "Provide free energy audits to small and medium-sized businesses and signpost grants for "
          "efficiency measures.",
       "Economic Development", ["Growth Hub", "Chamber of Commerce"], (2024, 7), (2026, 3), "green",
       "87 audits completed; the average saving identified is 14% of energy bills."),
    _a(5, "Update the council's business continuity plans for heatwaves, flooding and drought, and test them "
          "in a joint exercise.",
       "Emergency Planning", ["Local Resilience Forum"], (2025, 4), (2026, 3), "green",
       "A heatwave exercise was held in June with health and social care partners."),
    _a(5, "Map heat network opportunities in the town centre and around the hospital, and safeguard pipe "
          "routes in the Local Plan.",
       "Planning Policy", ["NHS trust", "heat network zoning team"], (2026, 4), (2028, 3), "red",
       "Not started: awaiting the outcome of the heat network zoning pilot."),
    _a(5, "Support a community energy co-operative to fund rooftop solar on schools and village halls "
          "through a share offer.",
       "Sustainability Team", ["community energy co-operative", "local schools"], (2025, 6), (2027, 6),
       "amber/green", "The share offer raised £212,000; panels go on six schools in the summer holidays."),
]

# Invented councils and plan titles, for the lines above the table.
COUNCILS = ["Ashcombe District Council", "Harlow Vale Borough Council", "North Wendle District Council",
            "Castleford Marsh Borough Council", "Eastmere District Council", "Kingsbrook Borough Council"]
WELSH_COUNCILS = ["Cyngor Sir Dyffryn Llwyd / Dyffryn Llwyd County Council",
                  "Cyngor Bwrdeistref Sirol Aberwen / Aberwen County Borough Council"]
PLAN_TITLES = ["Climate Emergency Action Plan 2025–2030", "Net Zero Action Plan", "Climate and Nature Action Plan",
               "Carbon Reduction Action Plan 2025-28", "Climate Change Strategy: Action Plan"]
WELSH_PLAN_TITLES = ["Cynllun Gweithredu Newid Hinsawdd / Climate Change Action Plan",
                     "Cynllun Sero Net / Net Zero Plan"]
SUBTITLES = ["Progress report: Quarter 2 2025/26", "Annual update to Overview and Scrutiny Committee, November 2025",
             "Delivery tracker – position at 30 September 2025", "Appendix A: action plan and progress to date"]
RUNNING_HEADERS = ["OFFICIAL", "Climate Emergency Action Plan – progress report",
                   "Appendix A – Climate Action Plan update", "Agenda item 7"]
