/**
 * Synthetic name pools by culture (common public given names and surnames, combined at random, so every person
 * is invented). Kept independent of any dictionary the detector uses.
 */

export interface NameCulture {
  readonly name: string;
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly surnames: readonly string[];
  /** Relative weight when drawing a patient's culture. */
  readonly weight: number;
}

const w = (s: string): string[] => s.split(/\s*\|\s*|\s+/u).filter(Boolean);
/** Pipe-separated, for entries that contain spaces ("de la Cruz"). */
const p = (s: string): string[] =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

export const CULTURES: readonly NameCulture[] = [
  {
    name: 'anglo',
    weight: 10,
    male: w(
      'James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Gary Nicholas Eric Stephen Jonathan Larry Justin Scott Brandon Benjamin Samuel Gregory Frank Raymond Patrick Jack Dennis Jerry Tyler Aaron Henry Douglas Peter Walter Harold Arthur Carl Roger Keith Wayne Ralph Eugene Russell Bobby Howard Earl Clarence Lloyd Vernon Chester Ethan Logan Caleb Owen',
    ),
    female: w(
      'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Madison Mildred Edna Gladys Agnes Doris Beverly Marjorie Hazel Ethel',
    ),
    surnames: w(
      'Smith Johnson Williams Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin Thompson Harris Clark Lewis Robinson Walker Allen Wright Scott Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Cooper Bailey Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Sanders Myers Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson Coleman Patterson Graham Marshall Ellis Hayes Gibson Wallace Holmes Palmer Dixon Fletcher Whitaker Pemberton Ashworth Thornton Haverford Kingsley Radcliffe Winslow Lockhart Sheffield Blackwood Hargrove',
    ),
  },
  {
    name: 'wordlike',
    weight: 3,
    male: w(
      'Will Hunter Mason Bishop Price King Major Young Rich Sonny Rusty Chase Drew Miles Lance Grant Frank Chip Bud Dusty',
    ),
    female: w(
      'Hope Grace Rose Faith May Summer Joy Dawn April June Ivy Holly Iris Pearl Ruby Crystal Autumn Daisy Violet Hazel Olive Amber Charity Honey Star Sunny Trinity Destiny Precious',
    ),
    surnames: w(
      'Young White Brown Black Green Long Hill King May Bishop Price Hunter Mason Baker Cook Wood Rice Love Frost Snow Rivers Hall Ward Read Bell Foley Graves Murphy Addison Parkinson Cushing Little Short Strong Small Best Wise Sharp Moody Goodman Sweet Fox Wolf Bird Lamb Swan Stone Rock Field Lane Street Church Chapel Friday Monday Winter Summers Spring Day Knight Page Marsh Brook Forest Gold Silver Steel Iron Cash Banks Bond Sterling',
    ),
  },
  {
    name: 'hispanic',
    weight: 7,
    male: w(
      'José Juan Luis Carlos Jorge Miguel Jesús Antonio Alejandro Francisco Pedro Manuel Ricardo Fernando Eduardo Javier Rafael Roberto Sergio Raúl Héctor Alberto Diego Andrés Mateo Santiago Emilio Joaquín Ramón Esteban Guillermo Ignacio Rodrigo Tomás Armando',
    ),
    female: w(
      'María Guadalupe Rosa Ana Carmen Juana Sofía Isabella Valentina Camila Lucía Gabriela Alejandra Daniela Mariana Adriana Verónica Leticia Marisol Yesenia Esperanza Consuelo Dolores Pilar Rocío Catalina Ximena Paloma Beatriz Inés Luz Marisela Soledad Milagros',
    ),
    surnames: [
      ...w(
        'García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera Gómez Díaz Reyes Morales Cruz Ortiz Gutiérrez Chávez Ramos Ruiz Álvarez Mendoza Castillo Jiménez Moreno Romero Herrera Medina Aguilar Vargas Castro Guzmán Fernández Salazar Delgado Peña Vega Núñez Ibarra Zamora Quintero Villanueva Santiago Bautista Espinoza Cabrera Orozco',
      ),
      ...p('de la Cruz|de León|del Valle|de la Rosa|García-Márquez|Ruiz-Tagle|de Jesús'),
    ],
  },
  {
    name: 'african',
    weight: 4,
    male: w(
      'Chinedu Oluwaseun Kwame Kofi Emeka Tunde Babajide Olumide Ikechukwu Chukwuemeka Obinna Adebayo Kwabena Yaw Kojo Tendai Tafadzwa Sipho Thabo Themba Jabari Juma Baraka Otieno Kiptoo Abebe Tesfaye Dawit Mamadou Moussa Ousmane Cheikh Alassane Ibrahima Kelechi Nnamdi',
    ),
    female: w(
      'Ngozi Chiamaka Adaeze Folake Yetunde Funmilayo Oluwakemi Abena Akosua Ama Efua Adwoa Nkechi Chioma Amara Zanele Nomvula Thandiwe Lindiwe Wanjiru Achieng Nyambura Makena Zawadi Imani Aster Tigist Selam Meron Aminata Fatoumata Awa Mariama Nneka Ifeoma',
    ),
    surnames: w(
      'Okafor Okonkwo Adeyemi Ogunleye Adebayo Oladipo Nwosu Eze Obi Okeke Chukwu Mensah Asante Owusu Boateng Acheampong Appiah Osei Agyeman Mutasa Moyo Ndlovu Dlamini Nkosi Khumalo Mokoena Otieno Kamau Mwangi Kiprono Wanjiku Ochieng Tesfaye Bekele Haile Girma Diallo Traoré Sow Ba Ndiaye Diop Keita Kouyaté Achebe Ugwu',
    ),
  },
  {
    name: 'south_asian',
    weight: 5,
    male: w(
      'Rajesh Amit Sanjay Vikram Arjun Rahul Rohan Anil Sunil Ravi Suresh Ramesh Venkat Prakash Deepak Manoj Harish Kiran Arun Naveen Gaurav Nikhil Siddharth Aarav Vivek Imran Tariq Farhan Asif Kamal Sandeep Gurpreet Harjit Jaswinder Balwinder',
    ),
    female: w(
      'Priya Ananya Deepa Lakshmi Sunita Anjali Pooja Kavita Neha Meera Shreya Divya Aishwarya Lalitha Padma Sarita Geeta Rekha Nisha Swati Asha Usha Radha Parvati Jyoti Nazia Farzana Ayesha Rukhsana Simran Harpreet Manpreet Navdeep Tanvi',
    ),
    surnames: w(
      'Patel Shah Sharma Singh Kumar Gupta Reddy Rao Iyer Iyengar Nair Menon Pillai Krishnan Subramanian Venkatesan Chatterjee Banerjee Mukherjee Das Bose Ghosh Chowdhury Desai Mehta Joshi Kulkarni Deshpande Naidu Agarwal Malhotra Kapoor Khanna Bhatia Sethi Gill Sandhu Dhillon Grewal Hussain Rahman Siddiqui Qureshi Chaudhry Perera Fernando Jayasuriya Wickramasinghe',
    ),
  },
  {
    name: 'east_asian',
    weight: 5,
    male: w(
      'Wei Jun Hao Lei Jian Ming Tao Yong Bo Chen Hiroshi Takeshi Kenji Haruto Daiki Yuki Kazuo Minjun Jiho Seojun Dongwoon Hyunwoo Sungmin Jaewon Minh Tuan Huy Duc Quang Thanh Bao Kenta',
    ),
    female: w(
      'Mei Xiu Ying Li Na Fang Jing Yan Hui Xia Yuki Sakura Aiko Haruka Yui Emi Keiko Yoko Akiko Jiwoo Seoyeon Minji Soyeon Eunji Haeun Linh Thao Ngoc Huong Lan Mai Trang Anh',
    ),
    surnames: w(
      'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao Luo Cheng Tang Leung Wong Chan Cheung Lau Ng Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Sato Yoshida Yamada Sasaki Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Nguyễn Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ho Ngo Duong Ly',
    ),
  },
  {
    name: 'arabic',
    weight: 4,
    male: w(
      'Mohammed Muhammad Ahmed Ahmad Ali Omar Hassan Hussein Khalid Youssef Ibrahim Mustafa Abdullah Abdulrahman Karim Tarek Samir Nabil Walid Faisal Hamza Bilal Majid Rashid Said Jamal Ziad Fadi Rami Nasser',
    ),
    female: w(
      'Fatima Aisha Maryam Layla Leila Noor Nour Zainab Huda Rania Yasmin Samira Amira Hana Salma Dina Lina Mona Nadia Rasha Reem Ghada Hala Souad Khadija Asma Iman Lubna Dalia Widad',
    ),
    surnames: [
      ...w(
        'Haddad Khoury Nasser Hamdan Saleh Mansour Farah Hamid Aziz Rahman Abboud Darwish Jaber Qasim Karam Sabbagh Shalaby Mahmoud Youssef Ibrahim Hussein Abdallah Bakr Kassem Mansouri Haidar Salem',
      ),
      ...p('al-Rashid|al-Masri|Al-Farsi|al-Amin|El-Sayed|Abu-Ghazaleh|bin Abdullah|bin Ismail|El Khatib|Al Nahyan'),
    ],
  },
  {
    name: 'slavic',
    weight: 3,
    male: w(
      'Ivan Dmitri Sergei Alexei Nikolai Vladimir Mikhail Andrei Pavel Yuri Oleg Boris Viktor Piotr Paweł Łukasz Tomasz Krzysztof Jakub Marek Jan Milan Dušan Zoran Goran Bogdan Vasyl Taras Miroslav Stanislav',
    ),
    female: w(
      'Olga Natasha Tatiana Svetlana Irina Elena Anastasia Ekaterina Ludmila Galina Oksana Yulia Agnieszka Katarzyna Małgorzata Magdalena Zofia Dorota Jana Milena Jelena Vesna Ivana Nadežda Halyna Larysa Daria Zuzana Bożena Marta',
    ),
    surnames: w(
      'Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov Pavlova Ivanova Petrova Kowalski Nowak Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Dąbrowski Kozłowski Jankowski Horváth Novák Dvořák Svoboda Černý Jovanović Petrović Nikolić Marković Đorđević Kovalenko Shevchenko Bondarenko Tkachenko Melnyk Horowitz Brzezinski',
    ),
  },
  {
    name: 'irish_celtic',
    weight: 3,
    male: w(
      'Sean Seamus Liam Patrick Declan Ciarán Cormac Eoin Niall Padraig Brendan Colm Fergus Darragh Oisín Ronan Rory Finbar Callum Angus Hamish Gareth Rhys Dylan Evan',
    ),
    female: w(
      'Siobhan Aoife Niamh Saoirse Caoimhe Róisín Bridget Maeve Sinéad Orla Deirdre Fiona Eileen Moira Nuala Mairead Kathleen Ciara Shannon Rhiannon Bronwen Morag Isla Ailsa Catriona',
    ),
    surnames: [
      ...w(
        "O'Brien O'Connor O'Sullivan O'Neill O'Reilly O'Donnell O'Malley O'Shea O'Keefe O'Hara Murphy Kelly Walsh Byrne Ryan Doyle McCarthy McLaughlin MacDonald McKenna McGrath MacLeod McAllister Fitzgerald Gallagher Brennan Quinn Kennedy Lynch Flanagan Donovan Callahan Sweeney Duffy Kavanagh Nolan Moriarty Hennessy Dunne Gilmore Campbell Fraser Sinclair Llewellyn Pryce Davies Vaughan",
      ),
      ...p('Mac an tSaoi|Ó Briain|Ní Dhomhnaill'),
    ],
  },
  {
    name: 'european',
    weight: 5,
    male: w(
      'Giuseppe Marco Luca Alessandro Giovanni Francesco Stefano Matteo Hans Klaus Jürgen Wolfgang Dieter Stefan Lukas Pierre Jean-Luc François Étienne Olivier Lars Anders Nils Sven Bjørn Henrik Joost Pieter Willem Jens Kostas Dimitrios Giorgos Yannis Nikos João Tiago Rui Duarte Afonso Moshe Avi Yosef Chaim Mordechai Levi',
    ),
    female: w(
      'Giulia Francesca Chiara Alessandra Giovanna Lucia Paola Ingrid Ursula Brigitte Monika Petra Heike Sabine Anneliese Marie-Claire Amélie Céline Sylvie Chloé Zoë Ingrid Astrid Sigrid Freya Liv Annika Eleni Katerina Despina Sofia Beatriz Inês Leonor Mafalda Rivka Shoshana Miriam Esther Chana Yael',
    ),
    surnames: [
      ...w(
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti DeLuca D'Angelo DiMarco Costa Giordano Lombardi Moretti Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schröder Neumann Zimmermann Krüger Weiß Strauß Dubois Durand Lefebvre Moreau Laurent Girard Bonnet Fontaine Rousseau Lambert Johansson Andersson Karlsson Nilsson Eriksson Larsen Hansen Pedersen Jensen Christensen Lindqvist Bakker Visser Smit Janssen Papadopoulos Georgiou Nikolaidis Konstantinidis Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Almeida Cohen Levy Katz Friedman Goldberg Rosenberg Shapiro Weinstein Abramowitz Feldman",
      ),
      ...p(
        'van der Berg|van den Heuvel|Van Dyke|de Vries|van Houten|de Groot|von Trapp|von Essen|di Stefano|De Souza|dos Santos|da Silva|Le Gall|St. John|St. Pierre|Smith-Jones|Bowes-Lyon|Lloyd-Davies|Harrington-Clark|Pérez-Walsh',
      ),
    ],
  },
  {
    name: 'caribbean_pacific',
    weight: 2,
    male: w(
      'Jean-Baptiste Wesner Frantz Ronel Jude Marc-Antoine Dieudonné Fritznel Rodel Jerome Ramil Renato Joselito Efren Rolando Manuelito Kalani Keoni Makoa Sione Tevita',
    ),
    female: w(
      'Marie-Ange Fabienne Guerline Mirlande Nadège Rosemene Marjorie Nenita Lorna Maricel Rowena Jocelyn Leilani Malia Kailani Noelani Losana Mele',
    ),
    surnames: [
      ...w(
        'Jean-Louis Pierre-Louis Baptiste Joseph Charles Toussaint Dessalines Étienne Celestin Desir Fleurimond Santos Reyes Bautista Villanueva Mendoza Aquino Castillo Manalo Macapagal Kahale Kealoha Akana Fifita Taufa Tuilagi',
      ),
      'Dela Cruz',
      'De Guzman',
    ],
  },
];

/** Common English nicknames, used in nursing notes and e-mails ("Bill" for William). */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  William: ['Bill', 'Billy', 'Will'],
  Robert: ['Bob', 'Bobby', 'Rob'],
  Richard: ['Rick', 'Dick', 'Rich'],
  James: ['Jim', 'Jimmy'],
  Joseph: ['Joe', 'Joey'],
  Thomas: ['Tom', 'Tommy'],
  Charles: ['Charlie', 'Chuck'],
  Elizabeth: ['Liz', 'Beth', 'Betsy', 'Lizzie'],
  Margaret: ['Peggy', 'Maggie', 'Meg'],
  Katherine: ['Kate', 'Kathy', 'Katie'],
  Patricia: ['Pat', 'Patty', 'Trish'],
  Jennifer: ['Jen', 'Jenny'],
  Deborah: ['Debbie', 'Deb'],
  Michael: ['Mike', 'Mikey'],
  Christopher: ['Chris'],
  Daniel: ['Dan', 'Danny'],
  Anthony: ['Tony'],
  Edward: ['Ed', 'Eddie', 'Ted'],
  Kathleen: ['Kathy', 'Kath'],
  Rebecca: ['Becky'],
  Samantha: ['Sam', 'Sammy'],
  Alexander: ['Alex'],
  Nicholas: ['Nick'],
  Stephen: ['Steve'],
  Steven: ['Steve'],
  Timothy: ['Tim'],
  Jonathan: ['Jon'],
  Dorothy: ['Dot', 'Dottie'],
  Francisco: ['Paco', 'Pancho'],
  José: ['Pepe'],
  Guadalupe: ['Lupe'],
  Dmitri: ['Dima'],
  Aleksandr: ['Sasha'],
  Mohammed: ['Mo'],
  Muhammad: ['Mo'],
  Abdullah: ['Abdul'],
  Oluwaseun: ['Seun'],
  Chukwuemeka: ['Emeka'],
  Siddharth: ['Sid'],
  Venkat: ['Venky'],
  Giuseppe: ['Beppe', 'Joe'],
  Wolfgang: ['Wolf'],
  Benjamin: ['Ben'],
  Gregory: ['Greg'],
  Raymond: ['Ray'],
  Harold: ['Hal'],
  Eugene: ['Gene'],
  Gladys: ['Glad'],
  Ethel: ['Ettie'],
};
